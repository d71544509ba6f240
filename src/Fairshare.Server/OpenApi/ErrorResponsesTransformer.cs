using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Server.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fairshare.Server.OpenApi;

/// <summary>
/// Adds the error answers any route may give besides its own: 429 <c>rate_limited</c> (every route the rate limit
/// counts) and 500 <c>internal</c>, both problem details (<see cref="ApiError"/>).
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc/>
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(ApiError), null, cancellationToken).ConfigureAwait(false);
        context.Document?.AddComponent(nameof(ApiError), schema);
        operation.Responses ??= [];
        if (!NodeApi.IsUnlimited("/" + context.Description.RelativePath)) Add(operation.Responses, "rate_limited", context.Document);
        Add(operation.Responses, "internal", context.Document);
    }

    private static void Add(OpenApiResponses responses, string code, OpenApiDocument? document)
    {
        var type = ApiErrorTypes.Find(code)!;
        responses.TryAdd(type.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = $"{type.Title} ({code}): {type.Description}",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiErrors.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(ApiError), document) },
            },
        });
    }
}
