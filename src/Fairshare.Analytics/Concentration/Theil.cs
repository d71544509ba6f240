namespace Fairshare.Analytics.Concentration;

/// <summary>The Theil T index (metrics.md §2.7), in double precision with compensated summation.</summary>
public static class Theil
{
    /// <summary>
    /// T_Th = (1/n) Σ (xᵢ/μ)·ln(xᵢ/μ), natural log, a zero holding adding 0 (the limit of u·ln u). From 0 (equal) to
    /// ln n (one holder has all). Each distinct holding's ratio xᵢ/μ is rounded once from the exact rational, so
    /// equal holdings give exactly 0; its term (holders/n)·ratio·ln(ratio) adds two more roundings; the terms are
    /// summed with Neumaier's method. The result agrees with the exact value to about 14 significant digits.
    /// </summary>
    public static double Index(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        var sum = new NeumaierSum();
        if (holdings.IsNarrow && NarrowIndex(holdings, ref sum)) return sum.Value;
        sum = new NeumaierSum();
        foreach (var (value, count) in holdings.Runs())
        {
            if (value.IsZero) continue;
            double ratio = Fraction.ToDouble(n * value, holdings.Total); // xᵢ/μ
            sum.Add((double)count / n * ratio * Math.Log(ratio));
        }

        return sum.Value;
    }

    /// <summary>T_Th / ln n, from 0 to 1; null (undefined) for a single holder.</summary>
    public static double? Normalized(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        return Normalize(Index(holdings), holdings.Count);
    }

    /// <summary>An index already computed for <paramref name="count"/> holders, over ln n; null when n &lt; 2.</summary>
    internal static double? Normalize(double index, int count) => count < 2 ? null : index / Math.Log(count);

    /// <summary>
    /// The same sum when every n·xᵢ fits in 128 bits: the ratio is n·xᵢ and T each rounded to double, then divided, so
    /// within 1.5 ulp of exact (once rounded when both are below 2⁵³, as in every spec vector) and exactly 1 for a
    /// holding equal to the mean. False (nothing added) when some n·xᵢ does not fit.
    /// </summary>
    private static bool NarrowIndex(Holdings holdings, ref NeumaierSum sum)
    {
        int n = holdings.Count;
        var narrow = holdings.Narrow;
        if (narrow[^1] > UInt128.MaxValue / (uint)n) return false;
        double total = (double)(UInt128)holdings.Total;
        foreach (var (value, count) in holdings.NarrowRuns())
        {
            if (value == UInt128.Zero) continue;
            double ratio = (double)(value * (uint)n) / total;
            sum.Add((double)count / n * ratio * Math.Log(ratio));
        }

        return true;
    }
}
