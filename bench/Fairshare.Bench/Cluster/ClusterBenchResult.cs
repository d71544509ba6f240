using Fairshare.Cli;
using Fairshare.Cli.Commands;
namespace Fairshare.Bench.Cluster;

/// <summary>Everything <c>fairshare bench cluster</c> measured in one run.</summary>
/// <param name="Options">What was run.</param>
/// <param name="RawVerifyPerSecond">NSec Ed25519 verifies per second of the same signatures on one thread (the ceiling).</param>
/// <param name="Rows">One row per validator count.</param>
/// <param name="Failover">The failover figures, when asked for.</param>
public sealed record ClusterBenchResult(ClusterBenchOptions Options, double RawVerifyPerSecond, IReadOnlyList<ClusterBenchRow> Rows, FailoverResult? Failover)
{
    /// <summary>The goal: committed signed transfers per second with 3 validators.</summary>
    public const double GoalTxPerSecond = 10_000;
}
