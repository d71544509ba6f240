using System.Collections.Immutable;

namespace Fairshare.Conformance;

/// <summary>The outcome of a vector file.</summary>
public sealed record ConformanceReport(string Schema, int Passed, ImmutableArray<CaseFailure> Failures)
{
    /// <summary>Number of failed cases.</summary>
    public int Failed => Failures.Length;
}
