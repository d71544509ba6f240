using Fairshare.Client.Dto;
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
        routes.MapPut("/v1/blobs", async (HttpContext context, ILedgerService ledger) =>
            {
                var type = context.Request.ContentType;
                if (type is null || !type.StartsWith(OctetStream, StringComparison.OrdinalIgnoreCase))
                    return RouteValues.UnsupportedMediaType(OctetStream);
                using var buffer = new MemoryStream(context.Request.ContentLength is { } length and > 0 ? (int)Math.Min(length, int.MaxValue) : 4096);
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                var address = ledger.Blobs.Put(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                return Results.Ok(new BlobStored(address.ToString()));
            })
            .WithMetadata(new BodyLimit(options.MaxBlobBytes))
            .WithName("PutBlob").WithTags("blobs")
            .WithSummary("Store content (models, inputs, outputs); answers its SHA-256 address")
            .Accepts<byte[]>(OctetStream)
            .Produces<BlobStored>()
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType, ApiErrors.ContentType);

        routes.MapGet("/v1/blobs/{address}", (string address, ILedgerService ledger) =>
            {
                if (!RouteValues.TryHash(address, out var hash, out var error)) return error!;
                return ledger.Blobs.TryGet(hash, out var content)
                    ? Results.Bytes(content, OctetStream)
                    : ApiErrors.NotFound("blob_not_found", $"this node holds no blob {hash}");
            })
            .WithName("GetBlob").WithTags("blobs").WithSummary("A blob by its SHA-256 address (re-hash it: the SDK does)")
            .Produces<byte[]>(StatusCodes.Status200OK, OctetStream)
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);
    }
}
