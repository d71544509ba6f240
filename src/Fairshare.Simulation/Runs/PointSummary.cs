using System.Collections.Immutable;

namespace Fairshare.Simulation.Runs;

/// <summary>Every metric of one parameter point over its runs.</summary>
/// <param name="Point">The point.</param>
/// <param name="Runs">How many runs it had.</param>
/// <param name="Metrics">One summary per metric, in the model's order.</param>
public sealed record PointSummary(ExperimentPoint Point, int Runs, ImmutableArray<MetricSummary> Metrics)
{
    /// <summary>The summary of <paramref name="metric"/>, or null when the model has no such metric.</summary>
    public MetricSummary? Find(string metric) => Metrics.FirstOrDefault(m => m.Name == metric);
}
