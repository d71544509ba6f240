using System.Globalization;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using static Fairshare.Analytics.Tests.Concentration.SignificantDigits;
using Metrics = Fairshare.Analytics.Concentration.Concentration;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>Every vector of metrics.md §4: Table A, Table B and the exact rationals.</summary>
public sealed class SpecVectorTests
{
    private static readonly Fraction TenPercent = new(1, 10);

    public static TheoryData<string> Ids => new(SpecVectors.Ids);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Measure_MatchesTableA(string id)
    {
        var report = Metrics.Measure(SpecVectors.HoldingsOf(id));
        string[] row = SpecVectors.Row(SpecVectors.TableA, id);

        Assert.Equal(int.Parse(row[0], CultureInfo.InvariantCulture), report.N);
        Assert.Equal(Fraction.Parse(row[1]), report.TotalValue);
        AssertMatches(row[2], report.Gini, $"{id} gini");
        AssertMatches(row[3], report.GiniSample, $"{id} gini_sample");
        AssertMatches(row[4], report.Hhi, $"{id} hhi");
        AssertMatches(row[5], report.HhiNormalized, $"{id} hhi_normalized");
        AssertMatches(row[6], report.Theil, $"{id} theil");
        AssertMatches(row[7], report.TheilNormalized, $"{id} theil_normalized");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Measure_MatchesTableB(string id)
    {
        var report = Metrics.Measure(SpecVectors.HoldingsOf(id));
        string[] row = SpecVectors.Row(SpecVectors.TableB, id);

        AssertMatches(row[0], report.Top1Share, $"{id} top1_share");
        AssertMatches(row[1], report.Top3Share, $"{id} top3_share");
        AssertMatches(row[2], report.Top10PercentShare, $"{id} top10pct_share");
        Assert.Equal(int.Parse(row[3], CultureInfo.InvariantCulture), report.Nakamoto50);
        Assert.Equal(int.Parse(row[4], CultureInfo.InvariantCulture), report.Nakamoto33);
        AssertMatches(row[5], report.Palma, $"{id} palma");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ExactMetrics_EqualTheSpecsRationals(string id)
    {
        var holdings = SpecVectors.HoldingsOf(id);
        var expected = SpecVectors.Exact(id);

        Assert.Equal(expected["gini"], Gini.Exact(holdings));
        Assert.Equal(expected.TryGetValue("gini_sample", out var sample) ? sample : null, Gini.SampleExact(holdings));
        Assert.Equal(expected["hhi"], Hhi.Exact(holdings));
        Assert.Equal(expected["top10pct_share"], TopShare.OfFraction(holdings, TenPercent));
        Assert.Equal(expected.TryGetValue("palma", out var palma) ? palma : null, Palma.Exact(holdings));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Measure_IgnoresTheOrderOfTheInput(string id)
    {
        var raw = SpecVectors.Raw(id);
        var listed = Measured(raw);
        int rotation = raw.Count / 3;
        BigInteger[] reversed = [.. raw.Reverse()];
        BigInteger[] rotated = [.. raw.Skip(rotation), .. raw.Take(rotation)];

        Assert.Equal(listed, Measured(reversed));
        Assert.Equal(listed, Measured(rotated));
    }

    [Fact]
    public void ExactDecimals_AreScaledToOneDenominatorWithoutRounding()
    {
        var holdings = SpecVectors.HoldingsOf("V15");

        Assert.Equal(1, holdings.Decimals);
        Assert.Equal([1, 2, 7], holdings.Ascending.Select(v => (int)v));
        Assert.Equal(Fraction.One, holdings.TotalValue);
    }

    private static ConcentrationReport Measured(IEnumerable<BigInteger> values)
    {
        var result = Holdings.Create(values);
        Assert.True(result.IsOk, result.Message);
        return Metrics.Measure(result.Value);
    }
}
