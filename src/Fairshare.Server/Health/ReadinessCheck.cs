using Fairshare.Client.Dto;
using Fairshare.Node.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Fairshare.Server.Health;

/// <summary>
/// The readiness check behind <c>GET /health/ready</c> (an ASP.NET Core health check): ready when this node knows a
/// leader (it leads, or it knows whom to forward to) and its committed head trails what the cluster committed by at
/// most <see cref="NodeApiOptions.MaxReadyIndexLag"/> Raft log entries. A ledger that cannot tell its lag is judged by
/// its leader alone. The answer's <see cref="ReadinessDto"/> rides in the result's data under <see cref="DataKey"/>.
/// </summary>
internal sealed partial class ReadinessCheck(ILedgerService ledger, NodeApiOptions options, ILogger<ReadinessCheck> log) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "ready";

    /// <summary>The tag <c>/health/ready</c> selects checks by.</summary>
    public const string Tag = "ready";

    /// <summary>The key of the <see cref="ReadinessDto"/> in the result's data.</summary>
    public const string DataKey = "readiness";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ReadinessDto answer;
        try
        {
            answer = Judge(ledger.Cluster, ledger.Head.Height, options.MaxReadyIndexLag);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(log, e);
            answer = new ReadinessDto(HealthProbe.NotReady, "check_failed", "the readiness check failed; the error is in the node's log");
        }

        var data = new Dictionary<string, object> { [DataKey] = answer };
        var result = answer.Status == HealthProbe.Ready
            ? HealthCheckResult.Healthy(answer.Message, data)
            : HealthCheckResult.Unhealthy(answer.Message, data: data);
        return Task.FromResult(result);
    }

    /// <summary>Ready, or not and why, from the cluster view, the committed height and the largest lag allowed.</summary>
    internal static ReadinessDto Judge(ClusterView cluster, ulong height, long maxLag)
    {
        var ready = new ReadinessDto(HealthProbe.Ready, null, null, height, cluster.Role, cluster.Term, cluster.IndexLag);
        if (!cluster.IsLeader && cluster.LeaderApiUrl is null)
            return ready with { Status = HealthProbe.NotReady, Reason = "no_leader", Message = $"this node knows no leader ({cluster.Role} in term {cluster.Term})" };
        if (cluster.IndexLag is { } lag && lag > maxLag)
            return ready with
            {
                Status = HealthProbe.NotReady,
                Reason = "catching_up",
                Message = $"{lag} committed log entries are not applied here yet (ready at {maxLag} or fewer)",
            };
        return ready;
    }

    // Fairshare.Server's own log events are numbered from 4000 (Fairshare.Node's are in the 3000s).
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "the readiness check failed")]
    private static partial void LogCheckFailed(ILogger log, Exception error);
}
