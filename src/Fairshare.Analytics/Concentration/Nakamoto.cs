namespace Fairshare.Analytics.Concentration;

/// <summary>The Nakamoto coefficient (metrics.md §2.5).</summary>
public static class Nakamoto
{
    /// <summary>
    /// NC_θ, the fewest holders who together hold strictly more than θ of the total: the smallest k with
    /// D_k &gt; θ·T. Exactly half is not a majority. Pass the exact fraction meant: 1/3 and 33/100 differ on ties.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="theta"/> is not strictly between 0 and 1.</exception>
    public static int Coefficient(Holdings holdings, Fraction theta)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        if (theta <= Fraction.Zero || theta >= Fraction.One)
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "the threshold θ must lie strictly between 0 and 1");
        var threshold = theta.Numerator * holdings.Total; // D_k > θ·T  ⇔  D_k·den > num·T
        int k = 1;
        while (holdings.SumOfLargest(k) * theta.Denominator <= threshold) k++;
        return k;
    }
}
