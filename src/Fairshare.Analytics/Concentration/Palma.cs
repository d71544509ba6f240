namespace Fairshare.Analytics.Concentration;

/// <summary>The Palma ratio (metrics.md §2.8), exact.</summary>
public static class Palma
{
    private static readonly Fraction Richest = new(9, 10);
    private static readonly Fraction Poorest = new(2, 5);

    /// <summary>
    /// (1 − L(0.9)) / L(0.4): the richest 10% of holders' share over the poorest 40%'s, both on the interpolated
    /// Lorenz curve. 1/4 for equal holdings (the minimum). Null when the poorest 40% hold nothing (the ratio is +∞).
    /// </summary>
    public static Fraction? Exact(Holdings holdings)
    {
        var poorest = Lorenz.At(holdings, Poorest);
        return poorest.IsZero ? null : (Fraction.One - Lorenz.At(holdings, Richest)) / poorest;
    }
}
