namespace Fairshare.Cli.Bench;

/// <summary>
/// What one load run against a cluster gave: transactions committed per second of wall time, and the confirmation
/// latency (send → answer that the transaction is in a block a majority stored) at the 50th and 99th percentile.
/// </summary>
public sealed record ClusterLoadResult(
    int Sent,
    int Committed,
    int Refused,
    double Seconds,
    double P50Ms,
    double P99Ms,
    ulong Blocks,
    IReadOnlyDictionary<string, int> Refusals)
{
    /// <summary>Committed transactions per second.</summary>
    public double TxPerSecond => Seconds > 0 ? Committed / Seconds : 0;
}
