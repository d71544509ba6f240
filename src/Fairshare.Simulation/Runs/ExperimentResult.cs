using System.Collections.Immutable;

namespace Fairshare.Simulation.Runs;

/// <summary>Every run of an experiment, in plan order (point, then run), and the summary of each point.</summary>
/// <param name="Plan">What was run.</param>
/// <param name="Records">One per run: point-major, runs ascending. The same whatever the parallelism.</param>
/// <param name="Summaries">One per point, in plan order.</param>
public sealed record ExperimentResult(ExperimentPlan Plan, ImmutableArray<RunRecord> Records, ImmutableArray<PointSummary> Summaries)
{
    /// <summary>The metric names, in the model's order (from the first run).</summary>
    public ImmutableArray<string> MetricNames => Records.IsEmpty ? [] : [.. Records[0].Outcome.Metrics.Select(m => m.Name)];

    /// <summary>The runs of <paramref name="point"/>.</summary>
    public IEnumerable<RunRecord> RecordsOf(ExperimentPoint point) => Records.Where(r => ReferenceEquals(r.Point, point));
}
