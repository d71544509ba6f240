using Fairshare.Analytics.Concentration;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>The Lorenz curve's extra checks of metrics.md §4 and its interpolation convention (§2.1).</summary>
public sealed class LorenzTests
{
    [Theory]
    [InlineData("V03", "0 0, 1/5 1/15, 2/5 1/5, 3/5 2/5, 4/5 2/3, 1 1")]
    [InlineData("V06", "0 0, 1/7 0, 2/7 0, 3/7 1/10, 4/7 1/5, 5/7 3/10, 6/7 1/2, 1 1")]
    public void Curve_HasTheSpecsPoints(string id, string points)
    {
        var expected = points.Split(", ")
            .Select(p => p.Split(' '))
            .Select(xy => new LorenzPoint(Fraction.Parse(xy[0]), Fraction.Parse(xy[1])));

        var curve = Lorenz.Curve(SpecVectors.HoldingsOf(id));

        Assert.Equal(expected, curve);
        Assert.Equal(curve.Select(p => p.Population.ToDouble()), curve.Select(p => p.X));
        Assert.Equal(curve.Select(p => p.Share.ToDouble()), curve.Select(p => p.Y));
    }

    [Theory]
    [InlineData("V03", "1/2", "3/10")]
    [InlineData("V03", "9/10", "5/6")]
    [InlineData("V05", "2/5", "6/25")]
    [InlineData("V03", "0", "0")]
    [InlineData("V03", "1", "1")]
    [InlineData("V07", "9/10", "9/10")]
    [InlineData("V03", "3/5", "2/5")]
    public void At_InterpolatesBetweenTheVertices(string id, string p, string share) =>
        Assert.Equal(Fraction.Parse(share), Lorenz.At(SpecVectors.HoldingsOf(id), Fraction.Parse(p)));

    [Theory]
    [InlineData("-1/10")]
    [InlineData("11/10")]
    public void At_RefusesAFractionOutsideZeroToOne(string p)
    {
        var holdings = SpecVectors.HoldingsOf("V03");

        Assert.Throws<ArgumentOutOfRangeException>(() => Lorenz.At(holdings, Fraction.Parse(p)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopShare.OfFraction(holdings, Fraction.Parse(p)));
    }

    [Fact]
    public void TopShare_TakesPartOfAHolderWhenTheFractionSplitsOne()
    {
        // The top 10% of 5 holders is half of the largest holder: 5/2 of 15.
        Assert.Equal(new Fraction(1, 6), TopShare.OfFraction(SpecVectors.HoldingsOf("V03"), new Fraction(1, 10)));
        Assert.Equal(Fraction.Zero, TopShare.OfFraction(SpecVectors.HoldingsOf("V03"), Fraction.Zero));
    }

    [Fact]
    public void TopShare_OfCountAtOrBeyondNIsEverything_AndBelowOneIsABug()
    {
        var holdings = SpecVectors.HoldingsOf("V11");

        Assert.Equal(Fraction.One, TopShare.OfCount(holdings, 2));
        Assert.Equal(Fraction.One, TopShare.OfCount(holdings, 1_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopShare.OfCount(holdings, 0));
    }
}
