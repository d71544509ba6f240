using System.Numerics;
using Fairshare.Analytics.Concentration;
using FsCheck.Xunit;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>The exact rational type behind every rational metric.</summary>
public sealed class FractionTests
{
    [Fact]
    public void Fractions_AreKeptInLowestTermsWithAPositiveDenominator()
    {
        var half = new Fraction(-6, -12);

        Assert.Equal(BigInteger.One, half.Numerator);
        Assert.Equal(new BigInteger(2), half.Denominator);
        Assert.Equal(Fraction.Half, half);
        Assert.Equal(new Fraction(-1, 3), new Fraction(2, -6));
        Assert.Equal(Fraction.Zero, new Fraction(0, 7));
        Assert.Equal(BigInteger.One, new Fraction(0, 7).Denominator);
        Assert.Equal(Fraction.Zero, default);
        Assert.Equal(BigInteger.One, default(Fraction).Denominator);
        Assert.Equal(new Fraction(1, 2).GetHashCode(), new Fraction(3, 6).GetHashCode());
    }

    [Fact]
    public void Arithmetic_IsExact()
    {
        var third = Fraction.Third;

        Assert.Equal(Fraction.One, third + third + third);
        Assert.Equal(new Fraction(1, 6), Fraction.Half - third);
        Assert.Equal(new Fraction(1, 6), Fraction.Half * third);
        Assert.Equal(new Fraction(3, 2), Fraction.Half / third);
        Assert.Equal(new Fraction(-1, 3), -third);
        var alsoThird = new Fraction(2, 6);
        Assert.True(third < Fraction.Half && Fraction.Half > third && third <= alsoThird && third >= alsoThird && third != Fraction.Half);
        Assert.Equal(-1, (-third).Sign);
        Assert.Throws<DivideByZeroException>(() => Fraction.Half / Fraction.Zero);
        Assert.Throws<DivideByZeroException>(() => new Fraction(1, 0));
    }

    [Fact]
    public void ToDouble_IsAccurateForNumbersBeyondTheRangeOfADouble()
    {
        var huge = BigInteger.Pow(10, 400);

        Assert.Equal(1.0 / 3.0, new Fraction(huge + 1, 3 * huge).ToDouble());
        Assert.Equal(-2.5, new Fraction(-5 * huge, 2 * huge + 0).ToDouble());
        Assert.Equal(1e-300, new Fraction(BigInteger.One, BigInteger.Pow(10, 300)).ToDouble(), 1e-314);
        Assert.Equal(1e300, new Fraction(BigInteger.Pow(10, 300)).ToDouble(), 1e286);
        Assert.Equal(0d, Fraction.Zero.ToDouble());
        Assert.Equal(0.1, new Fraction(1, 10).ToDouble());
    }

    [Property(MaxTest = 500)]
    public void ToDouble_RoundsToNearestLikeIeeeDivision_EvenWithHugeTerms(int numerator, int denominator, byte scale)
    {
        // Both ints are exact doubles, so IEEE division gives the correctly rounded a/b. (a·F + 1)/(b·F) with F ≥ 10^40
        // has terms far beyond any double, yet lies too close to a/b to round differently (a/b is at least 10^−26
        // relative away from any rounding midpoint).
        if (numerator == 0 || denominator == 0) return;
        var factor = BigInteger.Pow(10, 40 + scale);

        Assert.Equal((double)numerator / denominator, new Fraction(numerator * factor + 1, denominator * factor).ToDouble());
    }

    [Theory]
    [InlineData("3/4", "3/4")]
    [InlineData("6/8", "3/4")]
    [InlineData("-7", "-7")]
    [InlineData("0/5", "0")]
    [InlineData("282786596303/314426250000", "282786596303/314426250000")]
    public void Parse_ReadsWhatToStringWrites(string text, string normal)
    {
        Assert.Equal(normal, Fraction.Parse(text).ToString());
        Assert.Equal(Fraction.Parse(text), Fraction.Parse(normal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1/0")]
    [InlineData("1/-2")]
    [InlineData("1/")]
    [InlineData("/2")]
    [InlineData("0.5")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    public void TryParse_RefusesAnythingButIntegerOverPositiveInteger(string? text)
    {
        Assert.False(Fraction.TryParse(text, out var value));
        Assert.Equal(Fraction.Zero, value);
    }
}
