using System.Collections.Immutable;

namespace Fairshare.Analytics.Concentration;

/// <summary>The Lorenz curve (metrics.md §2.1): the points (k/n, S_k/T), joined by straight lines.</summary>
public static class Lorenz
{
    /// <summary>The n + 1 vertices (0, 0), (1/n, S_1/T), …, (1, 1), exact.</summary>
    public static ImmutableArray<LorenzPoint> Curve(Holdings holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        int n = holdings.Count;
        var points = ImmutableArray.CreateBuilder<LorenzPoint>(n + 1);
        for (int k = 0; k <= n; k++)
            points.Add(new LorenzPoint(new Fraction(k, n), new Fraction(holdings.SumOfSmallest(k), holdings.Total)));
        return points.MoveToImmutable();
    }

    /// <summary>
    /// L(p), the share held by the poorest fraction <paramref name="p"/> of holders, read off the straight lines
    /// (each holder divisible): with p·n = k + f, L(p) = (S_k + f·x₍ₖ₊₁₎) / T, and L(1) = 1. Exact.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public static Fraction At(Holdings holdings, Fraction p)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        if (p < Fraction.Zero || p > Fraction.One)
            throw new ArgumentOutOfRangeException(nameof(p), p, "a fraction of holders must lie in [0, 1]");
        int n = holdings.Count;
        var scaled = p.Numerator * n; // p·n = scaled / p.Denominator
        int k = (int)(scaled / p.Denominator);
        if (k == n) return Fraction.One;
        var remainder = scaled % p.Denominator; // f = remainder / p.Denominator
        return new Fraction(
            holdings.SumOfSmallest(k) * p.Denominator + remainder * holdings.ValueAt(k),
            p.Denominator * holdings.Total);
    }
}
