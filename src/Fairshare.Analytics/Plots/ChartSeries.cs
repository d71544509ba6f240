using System.Collections.Immutable;

namespace Fairshare.Analytics.Plots;

/// <summary>One labelled line or band of a chart: points (X[i], Y[i]).</summary>
/// <param name="Label">The legend text.</param>
/// <param name="X">The x values, ascending.</param>
/// <param name="Y">The y values, as many as <paramref name="X"/>.</param>
public sealed record ChartSeries(string Label, ImmutableArray<double> X, ImmutableArray<double> Y);
