using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Core.Primitives;
using Metrics = Fairshare.Analytics.Concentration.Concentration;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>Validation of the input (metrics.md §1): the error inputs of §4, exact decimals, the overloads.</summary>
public sealed class HoldingsTests
{
    [Theory]
    [InlineData(new long[0], HoldingsError.Empty, "empty")]
    [InlineData(new long[] { 0, 0, 0 }, HoldingsError.ZeroTotal, "all 3 holdings are zero")]
    [InlineData(new long[] { -1, 2, 3 }, HoldingsError.NegativeHolding, "holding #1 is negative (-1)")]
    [InlineData(new long[] { 4, 0, -7 }, HoldingsError.NegativeHolding, "holding #3 is negative (-7)")]
    public void Create_RefusesTheSpecsErrorInputs(long[] values, HoldingsError error, string messagePart)
    {
        var fromLongs = Holdings.Create(values);
        var fromBigIntegers = Holdings.Create(values.Select(v => new BigInteger(v)));

        foreach (var result in new[] { fromLongs, fromBigIntegers })
        {
            Assert.False(result.IsOk);
            Assert.Null(result.Value);
            Assert.Equal(error, result.Error);
            Assert.Contains(messagePart, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ErrorCodes_AreStable() =>
        Assert.Equal(
            [0, 1, 2, 3, 4],
            new[] { HoldingsError.None, HoldingsError.Empty, HoldingsError.NegativeHolding, HoldingsError.ZeroTotal, HoldingsError.MalformedDecimal }
                .Select(e => (int)e));

    [Fact]
    public void Holdings_CanOnlyComeFromTheValidatingFactories_SoEveryMetricRejectsTheErrorInputs() =>
        Assert.Empty(typeof(Holdings).GetConstructors());

    [Fact]
    public void Create_FromAmounts_MatchesCreateFromIntegers_EvenBeyond64Bits()
    {
        var big = Amount.Parse("1000000000000000000000000000"); // 10^27 base units
        var fromAmounts = Holdings.Create([Amount.Zero, big, big * new Amount(3)]);
        var fromIntegers = Holdings.Create([BigInteger.Zero, BigInteger.Pow(10, 27), 3 * BigInteger.Pow(10, 27)]);

        Assert.True(fromAmounts.IsOk && fromIntegers.IsOk);
        Assert.Equal<BigInteger>(fromIntegers.Value!.Ascending, fromAmounts.Value.Ascending);
        Assert.Equal(Metrics.Measure(fromIntegers.Value), Metrics.Measure(fromAmounts.Value));
        Assert.Equal(HoldingsError.Empty, Holdings.Create(Array.Empty<Amount>()).Error);
        Assert.Equal(HoldingsError.ZeroTotal, Holdings.Create([Amount.Zero]).Error);
    }

    [Fact]
    public void Create_SortsAscendingAndKeepsRunningSums()
    {
        var result = Holdings.Create([5L, 0, 2, 2, 9]);

        Assert.True(result.IsOk);
        var holdings = result.Value;
        Assert.Equal(5, holdings.Count);
        Assert.Equal(18, holdings.Total);
        Assert.Equal([0, 2, 2, 5, 9], holdings.Ascending.Select(v => (int)v));
        Assert.Equal(4, holdings.SumOfSmallest(3));
        Assert.Equal(14, holdings.SumOfLargest(2));
        Assert.Equal(0, holdings.SumOfLargest(0));
        Assert.Equal(18, holdings.SumOfLargest(5));
    }

    [Theory]
    [InlineData(new[] { "0.1", "0.2", "0.7" }, 1, new long[] { 1, 2, 7 })]
    [InlineData(new[] { "1.25", "3", "0.5" }, 2, new long[] { 50, 125, 300 })]
    [InlineData(new[] { "0.10", "0.2" }, 2, new long[] { 10, 20 })]
    [InlineData(new[] { "7", "-0.0" }, 1, new long[] { 0, 70 })]
    public void FromDecimals_ScalesToTheMostPlacesGiven(string[] texts, int decimals, long[] scaled)
    {
        var result = Holdings.FromDecimals(texts);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(decimals, result.Value.Decimals);
        Assert.Equal(scaled, result.Value.Ascending.Select(v => (long)v));
    }

    [Fact]
    public void FromDecimals_KeepsEveryPlace_BeyondWhatADoubleOrDecimalHolds()
    {
        var result = Holdings.FromDecimals(["0.000000000000000000000000000001", "12345678901234567890.5"]);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(30, result.Value.Decimals);
        Assert.Equal(Fraction.Parse("12345678901234567890500000000000000000000000000001/1000000000000000000000000000000"), result.Value.TotalValue);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,5")]
    [InlineData("+1")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData("NaN")]
    [InlineData("١")]
    public void FromDecimals_RefusesAnythingButPlainDecimals(string text)
    {
        var result = Holdings.FromDecimals(["1", text]);

        Assert.Equal(HoldingsError.MalformedDecimal, result.Error);
        Assert.Contains($"holding #2 '{text}'", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], HoldingsError.Empty)]
    [InlineData(new[] { "0.0", "0" }, HoldingsError.ZeroTotal)]
    [InlineData(new[] { "1", "-0.5" }, HoldingsError.NegativeHolding)]
    public void FromDecimals_RefusesTheErrorInputsToo(string[] texts, HoldingsError error) =>
        Assert.Equal(error, Holdings.FromDecimals(texts).Error);
}
