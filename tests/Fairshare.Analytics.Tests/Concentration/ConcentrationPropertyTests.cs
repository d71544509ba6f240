using System.Numerics;
using Fairshare.Analytics.Concentration;
using FsCheck.Xunit;
using Metrics = Fairshare.Analytics.Concentration.Concentration;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>
/// Properties over random holdings: the three Gini formulas of metrics.md §2.2 agree, order never matters, every
/// metric stays in its range, and the closed forms of §4 hold for ramps and equal holdings.
/// </summary>
public sealed class ConcentrationPropertyTests
{
    /// <summary>Random holdings with zeros and ties, one of them positive, scaled to base units of 18 decimals.</summary>
    private static Holdings From(byte[] raw, byte positive, bool baseUnits)
    {
        var unit = baseUnits ? BigInteger.Pow(10, 18) : BigInteger.One;
        var result = Holdings.Create([.. raw.Select(b => b * unit), (positive + 1) * unit]);
        Assert.True(result.IsOk, result.Message);
        return result.Value;
    }

    [Property(MaxTest = 200)]
    public void Gini_RankFormula_EqualsTheDoubleSum_AndOneMinusTwiceTheLorenzArea(byte[] raw, byte positive, bool baseUnits)
    {
        var holdings = From(raw, positive, baseUnits);
        var x = holdings.Ascending;
        int n = x.Length;

        // 1. Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ) = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n T).
        var absoluteDifferences = x.Aggregate(BigInteger.Zero, (outer, xi) => x.Aggregate(outer, (sum, xj) => sum + BigInteger.Abs(xi - xj)));
        var doubleSum = new Fraction(absoluteDifferences, 2 * n * holdings.Total);
        // 3. 1 − 2A, A the area under the Lorenz curve in trapezoids of width 1/n.
        var curve = Lorenz.Curve(holdings);
        var area = Fraction.Zero;
        for (int k = 1; k <= n; k++) area += (curve[k - 1].Share + curve[k].Share) * new Fraction(1, 2 * n);

        var rank = Gini.Exact(holdings);
        Assert.Equal(doubleSum, rank);
        Assert.Equal(Fraction.One - area - area, rank);
    }

    [Property(MaxTest = 150)]
    public void Measure_DependsOnlyOnTheMultisetOfHoldings(byte[] raw, byte positive, int seed)
    {
        BigInteger[] values = [.. raw.Select(b => new BigInteger(b)), positive + 1];
        var random = new Random(seed);
        BigInteger[] shuffled = [.. values.OrderBy(_ => random.Next())];

        Assert.Equal(Measure(values), Measure(shuffled));
        Assert.Equal(Measure(values), Measure(values.Reverse()));
    }

    [Property(MaxTest = 150)]
    public void EveryMetric_StaysInItsRange(byte[] raw, byte positive, bool baseUnits)
    {
        var holdings = From(raw, positive, baseUnits);
        var report = Metrics.Measure(holdings);
        int n = report.N;
        var gini = Gini.Exact(holdings);
        var hhi = Hhi.Exact(holdings);

        AssertBetween(Fraction.Zero, gini, Fraction.One - new Fraction(1, n));
        AssertBetween(new Fraction(1, n), hhi, Fraction.One);
        Assert.InRange(report.Theil, -1e-12, Math.Log(n) + 1e-12);
        Assert.InRange(report.Top10PercentShare, 0.1 - 1e-15, 1.0);
        Assert.True(report.Top1Share <= report.Top3Share);
        Assert.True(report.Nakamoto33 <= report.Nakamoto50 && report.Nakamoto50 <= n);
        if (report.Palma is { } palma) Assert.True(palma >= 0.25 - 1e-15, $"palma {palma}");
        if (n >= 2)
        {
            AssertBetween(Fraction.Zero, Gini.SampleExact(holdings)!.Value, Fraction.One);
            AssertBetween(Fraction.Zero, Hhi.NormalizedExact(holdings)!.Value, Fraction.One);
        }
    }

    [Property(MaxTest = 150)]
    public void Theil_AgreesWithLnNMinusTheEntropyOfTheShares(byte[] raw, byte positive)
    {
        var holdings = From(raw, positive, baseUnits: false);
        double total = (double)holdings.Total;
        double entropy = -holdings.Ascending.Where(x => !x.IsZero).Sum(x => (double)x / total * Math.Log((double)x / total));

        Assert.Equal(Math.Log(holdings.Count) - entropy, Theil.Index(holdings), 1e-9);
    }

    [Property(MaxTest = 60)]
    public void Ramp_HasGiniNMinusOneOverThreeN_AndSampleGiniOneThird(byte size)
    {
        int n = 2 + size;
        var holdings = Valid(Enumerable.Range(1, n).Select(i => new BigInteger(i)));

        Assert.Equal(new Fraction(n - 1, 3 * n), Gini.Exact(holdings));
        Assert.Equal(Fraction.Third, Gini.SampleExact(holdings));
    }

    [Property(MaxTest = 60)]
    public void EqualHoldings_AreEqualButNotConcentrated(byte size, uint value)
    {
        int n = 1 + size;
        var holdings = Valid(Enumerable.Repeat(new BigInteger(value) + 1, n));
        var report = Metrics.Measure(holdings);

        Assert.Equal(Fraction.Zero, Gini.Exact(holdings));
        Assert.Equal(new Fraction(1, n), Hhi.Exact(holdings));
        Assert.Equal(n < 2 ? null : Fraction.Zero, Hhi.NormalizedExact(holdings));
        Assert.Equal(0d, report.Theil);
        Assert.Equal(n / 2 + 1, report.Nakamoto50);
        Assert.Equal(new Fraction(1, 4), Palma.Exact(holdings));
    }

    private static void AssertBetween(Fraction low, Fraction value, Fraction high) =>
        Assert.True(low <= value && value <= high, $"{value} is outside [{low}, {high}]");

    private static Holdings Valid(IEnumerable<BigInteger> values)
    {
        var result = Holdings.Create(values);
        Assert.True(result.IsOk, result.Message);
        return result.Value;
    }

    private static ConcentrationReport Measure(IEnumerable<BigInteger> values) => Metrics.Measure(Valid(values));
}
