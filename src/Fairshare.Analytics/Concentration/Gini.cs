using System.Numerics;

namespace Fairshare.Analytics.Concentration;

/// <summary>The Gini coefficient (metrics.md §2.2, §2.3), exact.</summary>
public static class Gini
{
    /// <summary>
    /// The population Gini G = 2·Σ i·x₍ᵢ₎ / (n·T) − (n + 1)/n over the ascending ranks i = 1 … n.
    /// 0 for equal holdings (and for one holder), at most 1 − 1/n.
    /// </summary>
    public static Fraction Exact(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        var rankWeighted = BigInteger.Zero;
        for (int i = 0; i < n; i++) rankWeighted += (i + 1) * holdings.Ascending[i];
        return new Fraction(2 * rankWeighted - (n + 1) * holdings.Total, n * holdings.Total);
    }

    /// <summary>
    /// The sample-corrected Gini G* = G·n/(n − 1), for when the holders are a sample of a larger population
    /// (label it so): 1 when one holder has everything. Null (undefined) for a single holder.
    /// </summary>
    public static Fraction? SampleExact(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        return n < 2 ? null : Exact(holdings) * new Fraction(n, n - 1);
    }
}
