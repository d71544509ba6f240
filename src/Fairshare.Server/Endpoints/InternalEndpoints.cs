using System.Text.Json;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Node.Cluster;
using Fairshare.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary><c>POST /v1/internal/signatures</c>: another validator's signature of a committed header.</summary>
internal static class InternalEndpoints
{
    private const int SignatureBytes = 64;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/internal/signatures", async (HttpContext context, ILedgerService ledger) =>
            {
                if (!RouteValues.IsJson(context.Request)) return RouteValues.UnsupportedMediaType("application/json");
                SignatureSubmission? body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync<SignatureSubmission>(context.Request.Body, FairshareClient.Json, context.RequestAborted).ConfigureAwait(false);
                }
                catch (JsonException e)
                {
                    return ApiErrors.BadRequest("malformed_json", $"the body is not a signature submission: {e.Message}");
                }

                if (body?.Signature?.Validator is null || body.Signature.Signature is null)
                    return ApiErrors.BadRequest("malformed_json", "the body must be {\"height\": N, \"signature\": {\"validator\": hex, \"signature\": hex}}");
                if (!PublicKey.TryParse(body.Signature.Validator, out var validator))
                    return ApiErrors.BadRequest("bad_encoding", "validator is not a 32-byte public key in hex");
                byte[] signature;
                try
                {
                    signature = Convert.FromHexString(body.Signature.Signature);
                }
                catch (FormatException)
                {
                    return ApiErrors.BadRequest("bad_encoding", "signature is not hex");
                }

                if (signature.Length != SignatureBytes) return ApiErrors.BadRequest("bad_encoding", $"signature must be {SignatureBytes} bytes");
                return ledger.AddSignature(body.Height, new BlockSignature(validator!, signature)) switch
                {
                    SignatureAcceptance.Ok => Results.NoContent(),
                    SignatureAcceptance.UnknownBlock => ApiErrors.NotFound("unknown_block", $"this node has no block {body.Height} yet; send it again later"),
                    _ => ApiErrors.BadRequest("bad_signature", $"not a validator's valid signature of the header at {body.Height}"),
                };
            })
            .WithName("AddSignature").WithTags("internal")
            .WithSummary("A validator's signature of a committed header (sent by the members to each other)")
            .Accepts<SignatureSubmission>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);
    }
}
