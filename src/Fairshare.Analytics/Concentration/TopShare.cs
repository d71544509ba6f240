namespace Fairshare.Analytics.Concentration;

/// <summary>Shares of the richest holders (metrics.md §2.4), exact.</summary>
public static class TopShare
{
    /// <summary>D_k / T, the share of the <paramref name="k"/> largest holders; 1 when k ≥ n.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
    public static Fraction OfCount(Holdings holdings, int k)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new Fraction(holdings.SumOfLargest(Math.Min(k, holdings.Count)), holdings.Total);
    }

    /// <summary>
    /// 1 − L(1 − p), the share of the richest fraction <paramref name="p"/> of holders on the interpolated Lorenz
    /// curve, so with few holders it takes part of one (the top 10% of 5 holders hold half the largest holding).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public static Fraction OfFraction(Holdings holdings, Fraction p)
    {
        if (p < Fraction.Zero || p > Fraction.One)
            throw new ArgumentOutOfRangeException(nameof(p), p, "a fraction of holders must lie in [0, 1]");
        return Fraction.One - Lorenz.At(holdings, Fraction.One - p);
    }
}
