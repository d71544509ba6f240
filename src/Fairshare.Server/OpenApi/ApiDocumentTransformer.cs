using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fairshare.Server.OpenApi;

/// <summary>
/// The document's own parts: its title and description, a description for every tag, the servers without a trailing
/// slash (the paths begin with one), and an explicit "no authentication" (an empty security requirement: anyone may
/// call; members sign some requests only to be exempt from the rate limit).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>What each tag groups; a tag missing here fails OpenApiLintTests (redocly's tag-description).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["node"] = "The node itself: its health, status, chain id and genesis.",
        ["chain"] = "Committed blocks, receipts, accounts, account proofs and the state.",
        ["transactions"] = "Submitting signed transactions; committed outcomes and flows from the index.",
        ["blobs"] = "The content-addressed store of models, inputs and outputs.",
        ["market"] = "The compute market: jobs with their verification trail, and providers' offers.",
        ["amm"] = "Constant-product pools.",
        ["lending"] = "Lending markets.",
        ["governance"] = "Proposals.",
        ["staking"] = "Stake pools.",
        ["analytics"] = "Concentration metrics and their series, computed by Fairshare.Analytics.",
        ["internal"] = "Requests the validators send each other.",
        ["errors"] = "The problem types of error answers (RFC 9457): the type URI of each error is one of these routes.",
    };

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Fairshare node API";
        document.Info.Description = "A validator's HTTP API (docs/api.md). Every error answer is RFC 9457 problem details "
            + "(application/problem+json: type, title, status, detail, instance) with the stable code as the extension member code; "
            + "each type is a path, /errors/{code}, that describes it. Numbers are JSON numbers, never strings; amounts and other "
            + "u256 values are strings of decimal digits (each says so, with its pattern); hashes and keys are lower-case hex, "
            + "addresses fs1….";
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url) server.Url = url.TrimEnd('/');
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
        document.Security = [new OpenApiSecurityRequirement()];
        return Task.CompletedTask;
    }
}
