using System.Collections.Immutable;

namespace Fairshare.Conformance.Metrics;

/// <summary>Every case of a metrics.md file, in the file's order.</summary>
/// <param name="Cases">The cases.</param>
public sealed record MetricsConformanceReport(ImmutableArray<MetricCaseResult> Cases)
{
    /// <summary>Cases whose every figure matched.</summary>
    public int Passed => Cases.Count(c => c.Passed);

    /// <summary>Cases with at least one figure that did not match.</summary>
    public int Failed => Cases.Length - Passed;

    /// <summary>Figures compared in all.</summary>
    public int Checks => Cases.Sum(c => c.Checks);
}
