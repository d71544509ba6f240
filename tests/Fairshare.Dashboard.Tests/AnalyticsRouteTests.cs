using System.Globalization;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Primitives;
using Fairshare.Dashboard.Tests.Support;
using Fairshare.Server.Views;

namespace Fairshare.Dashboard.Tests;

/// <summary>
/// <c>/v1/analytics/*</c> answer what Fairshare.Analytics computes over the documented populations, rebuilt here from
/// the other routes, and refuse bad queries with stable codes.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AnalyticsRouteTests(DashboardFixture fixture)
{
    private FairshareClient Client => fixture.Node.Client;

    [Fact]
    public async Task ProviderIncome_IsEveryRegisteredProvidersJobPaymentIncome()
    {
        var offers = await Client.GetOffersAsync();
        var payments = await Client.GetFlowsAsync(tag: FlowTag.JobPayment, asset: AssetId.Fsh, limit: 10_000);
        var income = offers.Select(o => payments.Where(f => f.To == o.Provider).Aggregate(BigInteger.Zero, (sum, f) => sum + Parse(f.Amount))).ToList();

        var measured = await Client.GetConcentrationAsync("provider-income");

        AssertMatches(income, measured);
        Assert.Equal(4, measured.N);
        Assert.Contains("zero earners included", measured.Population, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stake_IsEveryPoolsBondedTokens()
    {
        var pools = await Client.GetStakePoolsAsync();
        var measured = await Client.GetConcentrationAsync("stake");
        AssertMatches([.. pools.Select(p => Parse(p.Tokens))], measured);
        Assert.Equal(0, measured.Gini);
    }

    [Fact]
    public async Task Balances_AreEveryAccountHoldingTheAsset()
    {
        var fsh = await Client.GetConcentrationAsync("balances");
        var usdf = await Client.GetConcentrationAsync("balances", "USDF");
        var byId = await Client.GetConcentrationAsync("balances", "1");
        var values = fixture.Node.Ledger.Read(state => state.AccountsInOrder().Select(a => a.BalanceOf(AssetId.Fsh).ToBigInteger()).Where(v => v.Sign > 0).ToList());
        AssertMatches(values, fsh);
        Assert.Equal("USDF", usdf.Asset);
        Assert.Equal(usdf with { Lorenz = [] }, byId with { Lorenz = [] });
        Assert.Equal(usdf.Lorenz, byId.Lorenz);
        Assert.NotEqual(fsh.Gini, usdf.Gini);
    }

    [Fact]
    public async Task GiniSeries_EndsWithTheConcentrationOfTodaysIncome()
    {
        var series = await Client.GetGiniSeriesAsync(points: 10);
        var now = await Client.GetConcentrationAsync("provider-income");
        Assert.Equal(10, series.Points.Count);
        Assert.Equal(now.Height, series.Points[^1].Height);
        Assert.Equal(now.Gini, series.Points[^1].Gini);
        Assert.Equal(now.Nakamoto50, series.Points[^1].Nakamoto50);
        Assert.Equal(now.Total, series.Points[^1].Total);
        Assert.True(series.Points.Zip(series.Points.Skip(1)).All(p => p.First.Height < p.Second.Height && p.First.TimestampMs < p.Second.TimestampMs));
        Assert.Null(series.Points[0].Gini);
        Assert.Equal("0", series.Points[0].Total);
        var defaults = await Client.GetGiniSeriesAsync();
        Assert.Equal((int)Math.Min((ulong)AnalyticsViews.DefaultSeriesPoints, now.Height), defaults.Points.Count);
    }

    [Theory]
    [InlineData("v1/analytics/concentration", "bad_of")]
    [InlineData("v1/analytics/concentration?of=wealth", "bad_of")]
    [InlineData("v1/analytics/concentration?of=stake&asset=USDF", "bad_asset")]
    [InlineData("v1/analytics/concentration?of=balances&asset=DOGE", "bad_asset")]
    [InlineData("v1/analytics/gini-series?of=stake", "bad_of")]
    [InlineData("v1/analytics/gini-series?of=provider-income&points=1", "bad_points")]
    [InlineData("v1/analytics/gini-series?of=provider-income&points=201", "bad_points")]
    [InlineData("v1/analytics/gini-series?of=provider-income&points=ten", "bad_points")]
    public async Task BadQueries_AreRefusedWithAStableCode(string path, string code)
    {
        var error = await Assert.ThrowsAsync<FairshareApiException>(() => Client.GetJsonAsync<ConcentrationDto>(path));
        Assert.Equal((400, code), (error.Status, error.Code));
    }

    [Fact]
    public void Measure_DownsamplesLongLorenzCurvesTo200Points_AndLeavesUndefinedMetricsNull()
    {
        var many = AnalyticsViews.Measure("balances", "FSH", "test", 1, [.. Enumerable.Range(1, 1000).Select(i => new BigInteger(i))]);
        Assert.Equal(AnalyticsViews.MaxLorenzPoints, many.Lorenz.Count);
        Assert.Equal((0d, 0d), (many.Lorenz[0].X, many.Lorenz[0].Y));
        Assert.Equal((1d, 1d), (many.Lorenz[^1].X, many.Lorenz[^1].Y));
        Assert.True(many.Lorenz.Zip(many.Lorenz.Skip(1)).All(p => p.First.X < p.Second.X && p.First.Y <= p.Second.Y));

        var small = AnalyticsViews.Measure("balances", "FSH", "test", 1, [BigInteger.One, new BigInteger(3)]);
        Assert.Equal(3, small.Lorenz.Count);

        var none = AnalyticsViews.Measure("provider-income", "FSH", "test", 1, [BigInteger.Zero, BigInteger.Zero]);
        Assert.Equal((2, "0"), (none.N, none.Total));
        Assert.NotNull(none.Undefined);
        Assert.Null(none.Gini);
        Assert.Empty(none.Lorenz);

        var one = AnalyticsViews.Measure("stake", "FSH", "test", 1, [BigInteger.One]);
        Assert.Null(one.GiniSample);
        Assert.Equal(0, one.Gini);
    }

    private static void AssertMatches(IReadOnlyList<BigInteger> values, ConcentrationDto measured)
    {
        var report = Concentration.Measure(Holdings.Create(values).Value!);
        Assert.Equal(report.N, measured.N);
        Assert.Equal(report.Total.ToString(CultureInfo.InvariantCulture), measured.Total);
        Assert.Equal(report.Gini, measured.Gini);
        Assert.Equal(report.GiniSample, measured.GiniSample);
        Assert.Equal(report.Hhi, measured.Hhi);
        Assert.Equal(report.Theil, measured.Theil);
        Assert.Equal(report.Top10PercentShare, measured.Top10PercentShare);
        Assert.Equal(report.Nakamoto50, measured.Nakamoto50);
        Assert.Equal(report.Nakamoto33, measured.Nakamoto33);
        Assert.Equal(report.Palma, measured.Palma);
        var curve = Lorenz.Curve(Holdings.Create(values).Value!);
        Assert.Equal(curve.Select(p => (p.X, p.Y)), measured.Lorenz.Select(p => (p.X, p.Y)));
    }

    private static BigInteger Parse(string text) => BigInteger.Parse(text, CultureInfo.InvariantCulture);
}
