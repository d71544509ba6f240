namespace Fairshare.Analytics.Concentration;

/// <summary>All the concentration metrics of metrics.md in one call.</summary>
public static class Concentration
{
    private static readonly Fraction TenPercent = new(1, 10);

    /// <summary>
    /// Measures <paramref name="holdings"/>: the rational metrics exactly, then rounded once to double; Theil in
    /// double with compensated summation. One pass per metric over the already sorted holdings.
    /// </summary>
    public static ConcentrationReport Measure(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        double theil = Theil.Index(holdings);
        return new ConcentrationReport(
            N: holdings.Count,
            Total: holdings.Total,
            Decimals: holdings.Decimals,
            Gini: Gini.Exact(holdings).ToDouble(),
            GiniSample: Gini.SampleExact(holdings)?.ToDouble(),
            Hhi: Hhi.Exact(holdings).ToDouble(),
            HhiNormalized: Hhi.NormalizedExact(holdings)?.ToDouble(),
            Theil: theil,
            TheilNormalized: Theil.Normalize(theil, holdings.Count),
            Top1Share: TopShare.OfCount(holdings, 1).ToDouble(),
            Top3Share: TopShare.OfCount(holdings, 3).ToDouble(),
            Top10PercentShare: TopShare.OfFraction(holdings, TenPercent).ToDouble(),
            Nakamoto50: Nakamoto.Coefficient(holdings, Fraction.Half),
            Nakamoto33: Nakamoto.Coefficient(holdings, Fraction.Third),
            Palma: Palma.Exact(holdings)?.ToDouble());
    }
}
