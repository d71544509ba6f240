using System.Numerics;

namespace Fairshare.Analytics.Concentration;

/// <summary>The Herfindahl–Hirschman index (metrics.md §2.6), exact.</summary>
public static class Hhi
{
    /// <summary>HHI = Σ sᵢ², from 1/n (equal) to 1 (one holder has all); ×10,000 on the antitrust scale.
    /// 1/HHI is the effective number of holders.</summary>
    public static Fraction Exact(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var squares = BigInteger.Zero;
        foreach (var x in holdings.Ascending) squares += x * x;
        return new Fraction(squares, holdings.Total * holdings.Total);
    }

    /// <summary>HHI* = (HHI − 1/n) / (1 − 1/n), from 0 to 1; null (undefined) for a single holder.</summary>
    public static Fraction? NormalizedExact(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        return n < 2 ? null : (Exact(holdings) * n - Fraction.One) / (n - 1);
    }
}
