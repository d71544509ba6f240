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
        var rankWeighted = holdings.IsNarrow ? RankWeighted(holdings.Narrow) : RankWeighted(holdings.Ascending.AsSpan());
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

    private static BigInteger RankWeighted(ReadOnlySpan<BigInteger> ascending)
    {
        var sum = BigInteger.Zero;
        for (int i = 0; i < ascending.Length; i++) sum += (i + 1) * ascending[i];
        return sum;
    }

    // Σ i·x₍ᵢ₎ in 128-bit steps: i < 2^31, so i·x fits whenever x < 2^97 (10^29 base units); larger terms go wide.
    private static BigInteger RankWeighted(ReadOnlySpan<UInt128> ascending)
    {
        var sum = default(WideSum);
        var wide = BigInteger.Zero;
        var limit = UInt128.One << 97;
        for (int i = 0; i < ascending.Length; i++)
        {
            var x = ascending[i];
            if (x < limit) sum.Add((UInt128)(ulong)(i + 1) * x);
            else wide += (i + 1) * (BigInteger)x;
        }

        return sum.Value + wide;
    }
}
