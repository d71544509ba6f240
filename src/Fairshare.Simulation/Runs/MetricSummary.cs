using System.Collections.Immutable;

namespace Fairshare.Simulation.Runs;

/// <summary>One metric over the runs of one point. NaN values (undefined in a run) are left out; all NaN gives NaN.</summary>
/// <param name="Name">The metric.</param>
/// <param name="Count">Runs with a defined value.</param>
/// <param name="Mean">The mean.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="P5">The 5th percentile (linear between order statistics) when there are at least 20 runs, else null.</param>
/// <param name="P95">The 95th percentile, likewise.</param>
public sealed record MetricSummary(string Name, int Count, double Mean, double Min, double Max, double? P5, double? P95)
{
    /// <summary>The fewest runs for which the 5th and 95th percentiles are given.</summary>
    public const int PercentileRuns = 20;

    /// <summary>For a money metric, the same figures exact in base units (what the files hold); null otherwise.</summary>
    public AmountSummary? Amounts { get; init; }

    /// <summary>Summarizes <paramref name="values"/>.</summary>
    public static MetricSummary Of(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToImmutableArray();
        if (sorted.IsEmpty) return new MetricSummary(name, 0, double.NaN, double.NaN, double.NaN, null, null);
        bool percentiles = sorted.Length >= PercentileRuns;
        return new MetricSummary(
            name,
            sorted.Length,
            sorted.Sum() / sorted.Length,
            sorted[0],
            sorted[^1],
            percentiles ? Percentile(sorted, 0.05) : null,
            percentiles ? Percentile(sorted, 0.95) : null);
    }

    private static double Percentile(ImmutableArray<double> sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
