using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary>
/// <c>GET /</c>: the web dashboard (docs/dashboard.md), plain HTML, JavaScript and CSS embedded in this assembly (no
/// CDN, no build chain), with its script and style sheet under <c>/dashboard/</c>. The page reads only the public
/// <c>/v1</c> routes.
/// </summary>
internal static class DashboardEndpoints
{
    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Assets = new Dictionary<string, (string, string)>
    {
        ["/"] = ("Fairshare.Server.Dashboard.index.html", "text/html; charset=utf-8"),
        ["/dashboard/app.js"] = ("Fairshare.Server.Dashboard.app.js", "text/javascript; charset=utf-8"),
        ["/dashboard/style.css"] = ("Fairshare.Server.Dashboard.style.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Contents = new(() =>
        Assets.ToFrozenDictionary(a => a.Key, a => Read(a.Value.Resource), StringComparer.Ordinal));

    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var (path, (_, contentType)) in Assets)
            routes.MapGet(path, () => Results.Bytes(Contents.Value[path], contentType)).ExcludeFromDescription();
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the embedded resource {resource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
