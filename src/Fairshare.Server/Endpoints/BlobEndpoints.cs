using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Node.Blobs;
using Fairshare.Server.Cluster;
using Fairshare.Node.Cluster;
using Fairshare.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary><c>PUT /v1/blobs</c> and <c>GET /v1/blobs/{address}</c>: the node's content-addressed store over HTTP.</summary>
internal static class BlobEndpoints
{
    private const string OctetStream = "application/octet-stream";

    public static void Map(IEndpointRouteBuilder routes, NodeApiOptions options)
    {
        routes.MapPut("/v1/blobs", async (HttpContext context, ILedgerService ledger, BlobQuota quota) =>
            {
                var type = context.Request.ContentType;
                if (type is null || !type.StartsWith(OctetStream, StringComparison.OrdinalIgnoreCase))
                    return RouteValues.UnsupportedMediaType(OctetStream);
                // The chain governs the largest model and input a job may name; nothing larger is worth storing.
                long governed = ledger.Read(state => (long)Math.Min(MarketStore.Params(state).MaxBlobBytes, long.MaxValue));
                if (context.Request.ContentLength > governed) return BlobTooLarge(governed);
                // Streamed to disk while hashed (an upload never sits whole in the node's memory), within the quota: the
                // declared length is reserved before a byte is read, and more as a body without one streams.
                var put = await quota.PutAsync(context.Request.Body, governed, context.Request.ContentLength, context.RequestAborted).ConfigureAwait(false);
                return put.Status switch
                {
                    BlobPutStatus.Stored => Results.Ok(new BlobStored(put.Address.ToString())),
                    BlobPutStatus.StoreFull => BlobStoreFull(put, quota.Options),
                    _ => BlobTooLarge(governed),
                };
            })
            .WithMetadata(new BodyLimit(options.MaxBlobBytes))
            .WithName("PutBlob").WithTags("blobs")
            .WithSummary("Store content (models, inputs, outputs); answers its SHA-256 address")
            .Accepts<byte[]>(OctetStream)
            .Produces<BlobStored>()
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status507InsufficientStorage, ApiErrors.ContentType);

        routes.MapGet("/v1/blobs/{address}", async (string address, HttpContext context, ILedgerService ledger, BlobQuota quota, LeaderForwarder members) =>
            {
                if (!RouteValues.TryHash(address, out var hash, out var error)) return error!;
                if (ledger.Blobs.TryGet(hash, out var content)) return Results.Bytes(content, OctetStream);
                bool fromMember = context.Request.Headers.ContainsKey(LeaderForwarder.ForwardedHeader);
                if (!fromMember && await FetchFromMembersAsync(hash, ledger, quota, members, context.RequestAborted).ConfigureAwait(false) is { } fetched)
                    return Results.Bytes(fetched, OctetStream);
                return ApiErrors.NotFound("blob_not_found", $"no validator of this cluster holds blob {hash}; upload it with PUT /v1/blobs");
            })
            .WithName("GetBlob").WithTags("blobs").WithSummary("A blob by its SHA-256 address (re-hash it: the SDK does)")
            .Produces<byte[]>(StatusCodes.Status200OK, OctetStream)
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);
    }

    private static IResult BlobTooLarge(long governed) => ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, "blob_too_large",
        $"this chain takes blobs up to {governed} bytes (the larger of market.max-model-bytes and market.max-input-bytes); a job cannot name a larger model or input, nor deliver a larger output");

    private static IResult BlobStoreFull(BlobPut refused, BlobQuotaOptions options)
    {
        string upload = refused.LengthKnown ? $"{refused.UploadBytes} bytes" : $"at least {refused.UploadBytes} bytes (sent without a length)";
        return ApiErrors.Result(StatusCodes.Status507InsufficientStorage, "blob_store_full",
            $"this node's blob store holds {refused.UsedBytes} of its {refused.QuotaBytes} bytes, and an upload of {upload} does not fit even after " +
            $"evicting every blob no job needs (it keeps the blobs of open, running and disputed jobs, of jobs closed in the last " +
            $"{options.RetentionBlocks} blocks, and every blob stored in the last {options.GracePeriod.TotalMinutes:0.##} minutes); nothing was kept. " +
            "Upload to another validator of this chain, or retry later: room comes back as jobs close");
    }

    /// <summary>
    /// A blob this node lacks, fetched from the other members (each checks nothing further: the forwarded header stops
    /// the chain), re-hashed by the SDK and kept here when the quota has room (served either way), so a provider on any
    /// validator finds what a client uploaded to another (design §9: the blob store is served over HTTP between nodes).
    /// </summary>
    private static async Task<byte[]?> FetchFromMembersAsync(Hash32 hash, ILedgerService ledger, BlobQuota quota, LeaderForwarder members, CancellationToken ct)
    {
        var view = ledger.Cluster;
        foreach (var url in view.MemberApiUrls)
        {
            if (string.Equals(url, view.SelfApiUrl, StringComparison.Ordinal)) continue;
            try
            {
                if (await members.For(url).GetBlobAsync(hash, ct).ConfigureAwait(false) is { } content)
                {
                    quota.TryStore(content);
                    return content;
                }
            }
            catch (FairshareApiException)
            {
                // That member is down or holds a bad copy: ask the next one.
            }
        }

        return null;
    }
}
