using System.Collections.Immutable;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// The result of the standard benchmark: the score a provider's offer carries, and the parts it came from.
/// </summary>
/// <param name="WorkUnitsPerSecond">The score: the mean of the parts' rates (each part had an equal share of the time budget).</param>
/// <param name="Parts">The timed workloads.</param>
public sealed record BenchmarkScore(ulong WorkUnitsPerSecond, ImmutableArray<BenchmarkPart> Parts);
