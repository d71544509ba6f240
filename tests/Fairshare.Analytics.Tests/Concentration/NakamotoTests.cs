using System.Numerics;
using Fairshare.Analytics.Concentration;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>The Nakamoto coefficient's threshold semantics (metrics.md §2.5 and its table in §4).</summary>
public sealed class NakamotoTests
{
    [Theory]
    [InlineData("1, 1, 1", "1/3", 2)]
    [InlineData("1, 1, 1", "33/100", 1)]
    [InlineData("1, 1, 1", "1/2", 2)]
    [InlineData("34, 33, 33", "1/3", 1)]
    [InlineData("2, 1, 1", "1/2", 2)]
    [InlineData("3, 1, 1, 1", "1/2", 2)]
    [InlineData("5, 5, 5, 5", "1/2", 3)]
    [InlineData("5, 5, 5, 5", "2/3", 3)]
    [InlineData("50, 10, 10, 10, 10, 10", "1/2", 2)]
    public void Coefficient_CountsHoldersWithStrictlyMoreThanTheta(string holdings, string theta, int expected) =>
        Assert.Equal(expected, Nakamoto.Coefficient(Parse(holdings), Fraction.Parse(theta)));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("3/2")]
    [InlineData("-1/2")]
    public void Coefficient_RefusesAThresholdOutsideTheOpenUnitInterval(string theta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Nakamoto.Coefficient(Parse("1, 2, 3"), Fraction.Parse(theta)));

    private static Holdings Parse(string list)
    {
        var result = Holdings.Create(list.Split(", ").Select(BigInteger.Parse));
        Assert.True(result.IsOk, result.Message);
        return result.Value;
    }
}
