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
        var squares = holdings.IsNarrow ? SumOfSquares(holdings.Narrow) : holdings.Ascending.Aggregate(BigInteger.Zero, (sum, x) => sum + x * x);
        return new Fraction(squares, holdings.Total * holdings.Total);
    }

    /// <summary>HHI* = (HHI − 1/n) / (1 − 1/n), from 0 to 1; null (undefined) for a single holder.</summary>
    public static Fraction? NormalizedExact(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        return n < 2 ? null : (Exact(holdings) * n - Fraction.One) / (n - 1);
    }

    // x = h·2⁶⁴ + l, so x² = h²·2¹²⁸ + 2hl·2⁶⁴ + l²; each part is a UInt128 product (h < 2⁶⁴), summed exactly.
    private static BigInteger SumOfSquares(ReadOnlySpan<UInt128> values)
    {
        WideSum high = default, middle = default, low = default;
        foreach (var x in values)
        {
            ulong h = (ulong)(x >> 64), l = (ulong)x;
            if (h != 0)
            {
                high.Add((UInt128)h * h);
                var hl = (UInt128)h * l;
                middle.Add(hl);
                middle.Add(hl);
            }

            low.Add((UInt128)l * l);
        }

        return (high.Value << 128) + (middle.Value << 64) + low.Value;
    }
}
