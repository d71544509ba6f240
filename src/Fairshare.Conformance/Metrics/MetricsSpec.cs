using System.Collections.Immutable;

namespace Fairshare.Conformance.Metrics;

/// <summary>What <see cref="MetricsSpecParser"/> read from metrics.md: the inputs, the expected figures, the extra checks.</summary>
internal sealed record MetricsSpec(
    ImmutableArray<SpecVector> Vectors,
    ImmutableArray<ExpectedFigure> Figures,
    ImmutableArray<ExtraCheck> Extras);
