using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary><c>GET /reference</c>: a self-contained HTML page that renders <c>/openapi/v1.json</c> (embedded, no CDN).</summary>
internal static class ReferenceEndpoints
{
    private const string ResourceName = "Fairshare.Server.Reference.reference.html";

    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(ReferenceEndpoints).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/reference", () => Results.Bytes(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
}
