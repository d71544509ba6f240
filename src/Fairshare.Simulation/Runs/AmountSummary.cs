using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Export;

namespace Fairshare.Simulation.Runs;

/// <summary>
/// A money metric over the runs of one point, exact in base units: what <c>summary.csv</c> holds for it. The mean and
/// the percentiles are rounded toward zero to the base unit; min and max are exact.
/// </summary>
/// <param name="Symbol">The token ("FSH", "USDF").</param>
/// <param name="Mean">The mean.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="P5">The 5th percentile (linear between order statistics) when there are at least 20 runs, else null.</param>
/// <param name="P95">The 95th percentile, likewise.</param>
public sealed record AmountSummary(string Symbol, TokenAmount Mean, TokenAmount Min, TokenAmount Max, TokenAmount? P5, TokenAmount? P95)
{
    /// <summary>Summarizes <paramref name="amounts"/> (at least one, all of the same token).</summary>
    public static AmountSummary Of(string symbol, IEnumerable<TokenAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var list = amounts.ToList();
        if (list.Count == 0) throw new ArgumentException("no amounts to summarize", nameof(amounts));
        int decimals = list[0].Decimals;
        if (list.Any(a => a.Decimals != decimals)) throw new ArgumentException("amounts of different decimals", nameof(amounts));
        var sorted = list.Select(a => a.BaseUnits).Order().ToImmutableArray();
        bool percentiles = sorted.Length >= MetricSummary.PercentileRuns;
        TokenAmount Of(BigInteger units) => new(units, decimals);
        return new AmountSummary(
            symbol,
            Of(sorted.Aggregate(BigInteger.Zero, (sum, x) => sum + x) / sorted.Length),
            Of(sorted[0]),
            Of(sorted[^1]),
            percentiles ? Of(Percentile(sorted, 5)) : null,
            percentiles ? Of(Percentile(sorted, 95)) : null);
    }

    /// <summary>The <paramref name="percent"/>th percentile, linear between order statistics as <see cref="MetricSummary"/> does, in integers.</summary>
    private static BigInteger Percentile(ImmutableArray<BigInteger> sorted, int percent)
    {
        int scaled = percent * (sorted.Length - 1);
        int below = scaled / 100;
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (scaled % 100) / 100;
    }
}
