using System.Collections.Immutable;
using Fairshare.Analytics.Export;

namespace Fairshare.Simulation.Runs;

/// <summary>What one run produced.</summary>
/// <param name="Metrics">Named outcome figures in a fixed order (e.g. provider_income_gini, client_cost_per_unit).</param>
/// <param name="Distributions">Final distributions for Lorenz curves and concentration metrics (e.g. provider income, votes).</param>
/// <param name="Series">Per-step samples (one row per sampled step; its first column is <c>step</c>), or null.</param>
/// <param name="Fingerprint">A hash of the final state that must repeat exactly (RTT: the FNV-1a-64 of the balances), or null.</param>
public sealed record RunOutcome(
    ImmutableArray<RunMetric> Metrics,
    ImmutableArray<RunDistribution> Distributions,
    ReportTable? Series,
    string? Fingerprint);
