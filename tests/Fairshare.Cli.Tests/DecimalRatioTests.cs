using System.Numerics;
using Fairshare.Cli.Output;

namespace Fairshare.Cli.Tests;

/// <summary>Prices as a person reads them: significant digits, rounded half up, never E notation.</summary>
public sealed class DecimalRatioTests
{
    [Theory]
    [InlineData("1974316068794122597", 18, "1000000000000000000", 18, 6, "1.97432")] // 1.974316… rounds up
    [InlineData("1", 0, "3", 0, 6, "0.333333")]
    [InlineData("2", 0, "3", 0, 6, "0.666667")]
    [InlineData("15", 1, "1", 0, 6, "1.5")] // 1.5 / 1: trailing zeros dropped
    [InlineData("2500", 0, "1", 0, 6, "2500")]
    [InlineData("123456789", 0, "1", 0, 6, "123456789")] // the whole part is never cut
    [InlineData("1", 18, "1", 0, 6, "0.000000000000000001")] // one base unit per token, not 1E-18
    [InlineData("12345", 9, "1", 0, 3, "0.0000123")]
    [InlineData("9999996", 6, "1", 0, 6, "10")] // 9.999996 rounds to 10.0000
    [InlineData("0", 18, "7", 18, 6, "0")]
    [InlineData("1", 6, "1", 18, 6, "1000000000000")] // 10^-6 of one asset for 10^-18 of another
    public void Format_GivesSignificantDigits_InPlainDecimals(string numerator, int numeratorDecimals, string denominator, int denominatorDecimals, int digits, string expected) =>
        Assert.Equal(expected, DecimalRatio.Format(BigInteger.Parse(numerator), numeratorDecimals, BigInteger.Parse(denominator), denominatorDecimals, digits));

    [Fact]
    public void Format_RefusesADenominatorOfZero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecimalRatio.Format(1, 0, 0, 0, 6));
}
