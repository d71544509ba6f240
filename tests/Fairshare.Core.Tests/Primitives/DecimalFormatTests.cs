using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Primitives;

/// <summary>The one way numbers are written for people: exact decimals, one grouping rule, never E notation.</summary>
public sealed class DecimalFormatTests
{
    [Theory]
    [InlineData("1000000000000000000000000000", 18, "1000000000")]
    [InlineData("500000000000000000", 18, "0.5")]
    [InlineData("1", 18, "0.000000000000000001")]
    [InlineData("-1474004000000000000", 18, "-1.474004")]
    [InlineData("0", 18, "0")]
    [InlineData("2500", 2, "25")]
    [InlineData("12", 0, "12")]
    public void Plain_IsExact_WithoutTrailingZeros(string units, int decimals, string expected) =>
        Assert.Equal(expected, DecimalFormat.Plain(BigInteger.Parse(units, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("1000000000000000000000000000", 18, "1,000,000,000")]
    [InlineData("6000000022000000000000", 18, "6,000.000022")]
    [InlineData("-5997719740000000000000", 18, "-5,997.71974")]
    [InlineData("999", 0, "999")]
    [InlineData("1000", 0, "1,000")]
    [InlineData("4294967296", 0, "4,294,967,296")]
    [InlineData("100000000000000", 18, "0.0001")]
    public void Grouped_PutsACommaEveryThreeDigitsOfTheWholePart(string units, int decimals, string expected) =>
        Assert.Equal(expected, DecimalFormat.Grouped(BigInteger.Parse(units, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("1234567891234567890", 18, 6, "1.234567")]
    [InlineData("1999999999999999999", 18, 4, "1.9999")]
    [InlineData("-1999999999999999999", 18, 4, "-1.9999")]
    [InlineData("1500000000000000000", 18, 6, "1.5")]
    [InlineData("1", 18, 6, "0")]
    [InlineData("12345", 2, 6, "123.45")]
    [InlineData("12345", 2, 0, "123")]
    public void Truncated_CutsTowardZero_NeverRoundsUp(string units, int decimals, int maxFraction, string expected) =>
        Assert.Equal(expected, DecimalFormat.Truncated(BigInteger.Parse(units, System.Globalization.CultureInfo.InvariantCulture), decimals, maxFraction));

    [Theory]
    [InlineData("1234567.891", "1,234,567.891")]
    [InlineData("-1234", "-1,234")]
    [InlineData("0.00005", "0.00005")]
    [InlineData("", "")]
    [InlineData("undef.", "undef.")]
    [InlineData("NaN", "NaN")]
    [InlineData("fs1abc", "fs1abc")]
    public void Group_LeavesAnythingButAPlainDecimalAlone(string plain, string expected) => Assert.Equal(expected, DecimalFormat.Group(plain));

    [Fact]
    public void AnAmount_ReadsTheSameThroughToDecimalStringAndToGroupedString()
    {
        var amount = new Amount(1_234_567) * Units.OneFsh + new Amount(5);
        Assert.Equal("1234567.000000000000000005", amount.ToDecimalString(18));
        Assert.Equal("1,234,567.000000000000000005", amount.ToGroupedString(18));
    }
}
