using System.Numerics;
using Fairshare.Analytics.Concentration;
using FsCheck.Xunit;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>
/// Holdings that fit 128 bits take the UInt128 path; scaled by 2¹⁴⁰ the same holdings take the BigInteger path. Every
/// metric is scale-free, so the two must agree: exactly for the rationals and Nakamoto, to 1e-13 for Theil.
/// </summary>
public sealed class NarrowPathTests
{
    private static readonly BigInteger Scale = BigInteger.One << 140;

    [Property(MaxTest = 200)]
    public void TheUInt128Path_AgreesWithTheBigIntegerPath(ulong[] raw, byte shift)
    {
        var values = raw.Select(v => (BigInteger)v << (shift % 60)).ToList();
        if (values.Count == 0 || values.All(v => v.IsZero)) return;
        var narrow = Holdings.Create(values).Value!;
        var wide = Holdings.Create(values.Select(v => v * Scale)).Value!;
        Assert.Equal(Gini.Exact(narrow), Gini.Exact(wide));
        Assert.Equal(Hhi.Exact(narrow), Hhi.Exact(wide));
        Assert.Equal(Palma.Exact(narrow), Palma.Exact(wide));
        Assert.Equal(TopShare.OfFraction(narrow, new Fraction(1, 10)), TopShare.OfFraction(wide, new Fraction(1, 10)));
        Assert.Equal(Nakamoto.Coefficient(narrow, Fraction.Third), Nakamoto.Coefficient(wide, Fraction.Third));
        Assert.Equal(Lorenz.At(narrow, new Fraction(2, 5)), Lorenz.At(wide, new Fraction(2, 5)));
        Assert.Equal(narrow.Ascending.Select(v => v * Scale), wide.Ascending);
        double t = Theil.Index(narrow), tw = Theil.Index(wide);
        Assert.True(Math.Abs(t - tw) <= 1e-13 * Math.Max(1, Math.Abs(tw)), $"theil {t} vs {tw}");
    }

    [Fact]
    public void HugeHoldingsNearTheLimit_StayExact()
    {
        var big = (BigInteger.One << 126) + 12345;
        var h = Holdings.Create([big, big / 3, 7]).Value!;
        var w = Holdings.Create([big * Scale, big / 3 * Scale, 7 * Scale]).Value!;
        Assert.Equal(Gini.Exact(w), Gini.Exact(h));
        Assert.Equal(Hhi.Exact(w), Hhi.Exact(h));
        Assert.Equal(h.Total, big + big / 3 + 7);
    }
}
