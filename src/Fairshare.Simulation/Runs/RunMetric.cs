namespace Fairshare.Simulation.Runs;

/// <summary>One named outcome figure of a run.</summary>
/// <param name="Name">snake_case name, stable across runs (a column of the results table).</param>
/// <param name="Value">The value; NaN when undefined for this run (never printed as 0).</param>
public sealed record RunMetric(string Name, double Value);
