using System.Numerics;
using Fairshare.Analytics.Export;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Tests.Runs;

/// <summary>Money metrics are summarized exactly in base units, as the double summary is, rounded toward zero.</summary>
public sealed class AmountSummaryTests
{
    [Fact]
    public void MeanMinMaxAndPercentiles_AreExactBaseUnits()
    {
        var few = AmountSummary.Of("USDF", [Usdf(1), Usdf(2), Usdf(4)]);
        Assert.Equal(("USDF", Units(7) / 3, Units(1), Units(4)), (few.Symbol, few.Mean.BaseUnits, few.Min.BaseUnits, few.Max.BaseUnits));
        Assert.Null(few.P5);

        var many = AmountSummary.Of("FSH", Enumerable.Range(0, 21).Select(i => Usdf(i)));
        Assert.Equal(Units(1), many.P5!.Value.BaseUnits);
        Assert.Equal(Units(19), many.P95!.Value.BaseUnits);
        Assert.Equal(MetricSummary.Of("m", Enumerable.Range(0, 21).Select(i => (double)i)).P95, many.P95.Value.ToDouble());
    }

    [Fact]
    public void AMoneyMetric_KeepsItsBaseUnits_BesideTheDouble()
    {
        var metric = RunMetric.Money("rug_pull_loss", BigInteger.Parse("39999999999999999999999", System.Globalization.CultureInfo.InvariantCulture), "USDF");
        Assert.Equal("39999.999999999999999999", metric.Amount!.Value.Tokens);
        Assert.Equal(40000.0, metric.Value);
    }

    private static BigInteger Units(long tokens) => tokens * BigInteger.Pow(10, 18);

    private static TokenAmount Usdf(long tokens) => new(Units(tokens), 18);
}
