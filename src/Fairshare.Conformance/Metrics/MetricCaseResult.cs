using System.Collections.Immutable;

namespace Fairshare.Conformance.Metrics;

/// <summary>The outcome of one case of metrics.md: a vector (all its figures in Tables A and B and its exact rationals) or one extra check.</summary>
/// <param name="Id">The vector id (V01 …) or a name for an extra check ("V03 lorenz", "nakamoto [1, 1, 1] 1/3", "error []").</param>
/// <param name="Checks">How many figures were compared.</param>
/// <param name="Failures">One line per figure that did not match (empty when the case passed).</param>
public sealed record MetricCaseResult(string Id, int Checks, ImmutableArray<string> Failures)
{
    /// <summary>True when every figure matched.</summary>
    public bool Passed => Failures.IsEmpty;
}
