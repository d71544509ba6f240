using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>
/// The metrics' documented contracts at their edges: every entry point refuses a null input with
/// <see cref="ArgumentNullException"/>; the top share takes a fraction of holders in [0, 1], both ends included
/// (metrics.md §2.4: the top 0 % hold nothing, the top 100 % everything); exact decimal holdings read only plain
/// decimals.
/// </summary>
public sealed class MetricsContractTests
{
    private static readonly Holdings Some = Holdings.Create(new long[] { 1, 2, 3, 10 }).Value!;

    [Fact]
    public void EveryEntryPoint_RefusesANullInput()
    {
        Holdings none = null!;
        Assert.Throws<ArgumentNullException>(() => Fairshare.Analytics.Concentration.Concentration.Measure(none));
        Assert.Throws<ArgumentNullException>(() => Gini.Exact(none));
        Assert.Throws<ArgumentNullException>(() => Gini.SampleExact(none));
        Assert.Throws<ArgumentNullException>(() => Hhi.Exact(none));
        Assert.Throws<ArgumentNullException>(() => Hhi.NormalizedExact(none));
        Assert.Throws<ArgumentNullException>(() => Lorenz.Curve(none));
        Assert.Throws<ArgumentNullException>(() => Lorenz.At(none, Fraction.Half));
        Assert.Throws<ArgumentNullException>(() => Nakamoto.Coefficient(none, Fraction.Half));
        Assert.Throws<ArgumentNullException>(() => Theil.Index(none));
        Assert.Throws<ArgumentNullException>(() => Theil.Normalized(none));
        Assert.Throws<ArgumentNullException>(() => TopShare.OfCount(none, 1));
        Assert.Throws<ArgumentNullException>(() => Holdings.Create((IEnumerable<BigInteger>)null!));
        Assert.Throws<ArgumentNullException>(() => Holdings.Create((IEnumerable<Amount>)null!));
        Assert.Throws<ArgumentNullException>(() => Holdings.Create((IEnumerable<long>)null!));
        Assert.Throws<ArgumentNullException>(() => Holdings.FromDecimals(null!));
    }

    [Fact]
    public void TheTopShare_TakesAFractionOfHoldersFromZeroToOne_BothIncluded()
    {
        Assert.Equal(Fraction.Zero, TopShare.OfFraction(Some, Fraction.Zero));
        Assert.Equal(Fraction.One, TopShare.OfFraction(Some, Fraction.One));
        // The top quarter of four holders is the largest holding: 10 of 16.
        Assert.Equal(new Fraction(10, 16), TopShare.OfFraction(Some, new Fraction(1, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopShare.OfFraction(Some, new Fraction(101, 100)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopShare.OfFraction(Some, new Fraction(-1, 100)));
    }

    [Theory]
    [InlineData(new[] { "0.25", "1.5" }, "175", 2)]
    [InlineData(new[] { "3", "-0", "0.0" }, "30", 1)]
    public void DecimalHoldings_AreScaledToTheMostPlacesGiven(string[] values, string total, int decimals)
    {
        var result = Holdings.FromDecimals(values);
        Assert.True(result.IsOk, result.Message);
        Assert.Equal(BigInteger.Parse(total, System.Globalization.CultureInfo.InvariantCulture), result.Value!.Total);
        Assert.Equal(decimals, result.Value.Decimals);
    }

    [Theory]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("")]
    [InlineData(null)]
    public void OnlyPlainDecimals_AreHoldings(string? text)
    {
        var result = Holdings.FromDecimals(["1", text!]);
        Assert.Equal(HoldingsError.MalformedDecimal, result.Error);
        Assert.Contains("holding #2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HoldingsWhoseTotalOverflows128Bits_AreMeasuredExactly()
    {
        // Two equal holdings of 2¹²⁷ + 1: each fits in 128 bits, their total does not. Equal holdings: Gini 0, HHI ½.
        var huge = (BigInteger.One << 127) + 1;
        var equal = Holdings.Create([huge, huge]).Value!;
        Assert.Equal(2 * huge, equal.Total);
        Assert.Equal(Fraction.Zero, Gini.Exact(equal));
        Assert.Equal(Fraction.Half, Hhi.Exact(equal));
    }

    [Fact]
    public void TheTheilIndex_OfAHoldingTooLargeForTheNarrowSum_IsStillLnN()
    {
        // 2¹²⁷, 1, 1: the total fits in 128 bits but 3 · 2¹²⁷ does not, so the index must take the wide path. One holder
        // with all but 2 units of 2¹²⁷ + 2: T = (1/3)·r·ln r with r = 3·2¹²⁷ / (2¹²⁷ + 2), within 10⁻³⁷ of ln 3.
        var holdings = Holdings.Create([BigInteger.One << 127, BigInteger.One, BigInteger.One]).Value!;
        Assert.Equal(Math.Log(3), Theil.Index(holdings), 14);
    }

    [Fact]
    public void TheWideSum_CarriesPast128Bits()
    {
        var sum = default(WideSum);
        sum.Add(UInt128.MaxValue);
        sum.Add(2);
        Assert.Equal((BigInteger.One << 128) + 1, sum.Value);
        sum.Add(UInt128.MaxValue);
        sum.Add(UInt128.MaxValue);
        Assert.Equal((BigInteger.One << 128) + 1 + 2 * ((BigInteger.One << 128) - 1), sum.Value);
    }

    [Theory]
    [InlineData("9007199254740993", 9007199254740992d)] // 2⁵³ + 1: a tie between 2⁵³ and 2⁵³ + 2, to the even significand
    [InlineData("9007199254740995", 9007199254740996d)] // 2⁵³ + 3: a tie between 2⁵³ + 2 and 2⁵³ + 4, to the even one
    [InlineData("1152921504606847105", 1152921504606847232d)] // 2⁶⁰ + 129: nearer 2⁶⁰ + 256 (doubles there are 256 apart)
    [InlineData("1152921504606847041", 1152921504606846976d)] // 2⁶⁰ + 65: nearer 2⁶⁰
    public void AFraction_ConvertsToTheNearestDouble_TiesToEven(string numerator, double expected) =>
        Assert.Equal(expected, new Fraction(BigInteger.Parse(numerator, System.Globalization.CultureInfo.InvariantCulture), 1).ToDouble());
}
