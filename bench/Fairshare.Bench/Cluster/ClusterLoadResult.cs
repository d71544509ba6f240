using Fairshare.Cli;
using Fairshare.Cli.Commands;
namespace Fairshare.Bench.Cluster;

/// <summary>
/// What one load run against a cluster gave: transactions committed per second of wall time, and the confirmation
/// latency (send → answer that the transaction is in a block a majority stored) at the 50th and 99th percentile.
/// </summary>
/// <param name="Sent">Transactions in the streams.</param>
/// <param name="Committed">Transactions the cluster answered committed (code Ok with a height).</param>
/// <param name="Refused">Transactions answered with any other code (<c>Pending</c>: still not committed after a minute of resending).</param>
/// <param name="Seconds">Wall time from the first send to the last answer.</param>
/// <param name="P50Ms">Median confirmation latency in milliseconds.</param>
/// <param name="P99Ms">99th-percentile confirmation latency in milliseconds.</param>
/// <param name="Blocks">Blocks the chain grew by during the run (empty ones included).</param>
/// <param name="Refusals">Refused transactions by code.</param>
/// <param name="Acknowledged">The ids of the transactions answered committed.</param>
/// <param name="Resent">Requests sent again (a node did not answer, or left transactions pending).</param>
public sealed record ClusterLoadResult(
    int Sent,
    int Committed,
    int Refused,
    double Seconds,
    double P50Ms,
    double P99Ms,
    ulong Blocks,
    IReadOnlyDictionary<string, int> Refusals,
    IReadOnlyList<string> Acknowledged,
    int Resent)
{
    /// <summary>Committed transactions per second.</summary>
    public double TxPerSecond => Seconds > 0 ? Committed / Seconds : 0;
}
