using System.Collections.Immutable;

namespace Fairshare.Conformance.Metrics;

/// <summary>One row of metrics.md's input table, its ranges and repetitions already expanded.</summary>
/// <param name="Id">V01 ….</param>
/// <param name="Holdings">The holdings as exact decimal texts.</param>
internal sealed record SpecVector(string Id, ImmutableArray<string> Holdings);
