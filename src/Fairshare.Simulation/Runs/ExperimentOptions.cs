using System.Collections.Immutable;

namespace Fairshare.Simulation.Runs;

/// <summary>What the command line changes about a scenario's experiment.</summary>
/// <param name="Runs">Runs per point instead of the scenario's, or null.</param>
/// <param name="Steps">Steps per run instead of the scenario's, or null.</param>
/// <param name="Seed">The scenario seed instead of the file's, or null.</param>
/// <param name="Sweeps">Parameters to sweep (Cartesian product).</param>
/// <param name="Variants">Null: the scenario as written only (<c>sim run</c>); empty: every variant of the scenario;
/// otherwise the variants named, in that order (<c>sim compare</c>).</param>
public sealed record ExperimentOptions(int? Runs = null, int? Steps = null, ulong? Seed = null, ImmutableArray<SweepAxis> Sweeps = default, ImmutableArray<string>? Variants = null);
