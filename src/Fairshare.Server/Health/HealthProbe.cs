using System.Text.Json;
using System.Text.Json.Serialization;
using Fairshare.Client.Dto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fairshare.Server.Health;

/// <summary>
/// The probes: <c>GET /health/live</c> (the process answers: always 200, no check runs) and <c>GET /health/ready</c>
/// (200 when <see cref="ReadinessCheck"/> passes, else 503), both ASP.NET Core health-check endpoints whose bodies are
/// a <see cref="ReadinessDto"/>. <c>GET /health</c> stays as it was.
/// </summary>
internal static class HealthProbe
{
    /// <summary>The liveness probe's path.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness probe's path.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The status of a live process.</summary>
    public const string Live = "live";

    /// <summary>The status of a ready node.</summary>
    public const string Ready = "ready";

    /// <summary>The status of a node that is not ready.</summary>
    public const string NotReady = "not_ready";

    private static readonly JsonSerializerOptions Json = new(Client.FairshareClient.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Maps both probes (neither is in the OpenAPI document, like <c>/metrics</c>).</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) => WriteAsync(context, new ReadinessDto(Live)),
        });
        routes.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessCheck.Tag),
            ResponseWriter = WriteReadinessAsync,
        });
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var answer = report.Entries.TryGetValue(ReadinessCheck.Name, out var entry)
            && entry.Data.TryGetValue(ReadinessCheck.DataKey, out var data) && data is ReadinessDto dto
                ? dto
                : new ReadinessDto(report.Status == HealthStatus.Healthy ? Ready : NotReady);
        return WriteAsync(context, answer);
    }

    private static Task WriteAsync(HttpContext context, ReadinessDto answer) =>
        context.Response.WriteAsJsonAsync(answer, Json, context.RequestAborted);
}
