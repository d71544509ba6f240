using System.Text.Json.Nodes;
using Fairshare.Core.Modules.Market;
using Fairshare.Simulation.Economy;
using Fairshare.Simulation.Runs;
using Xunit.Abstractions;

namespace Fairshare.Simulation.Tests.Economy;

/// <summary>Providers that reprice toward what wins work, and fair-share with a price band under them.</summary>
public sealed class AdaptivePricingTests(ITestOutputHelper output)
{
    /// <summary>A small market of adaptive providers with costs within 30% of the median and jobs that take time.</summary>
    private static JsonObject Market(string policy, object? extra = null)
    {
        var parameters = EconomyRuns.Small(new
        {
            providers = 8,
            provider_cost_min = 0.7,
            provider_cost_max = 1.3,
            pricing = "adaptive",
            reprice_every_blocks = 10,
            provider_speed = 3,
            job_deadline_blocks = 150,
            provider_emission = 0,
            demand = 0.1,
            matching_policy = policy,
        });
        if (extra is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject()) parameters[key] = value?.DeepClone();
        }

        return parameters;
    }

    [Fact]
    public void UnderAdaptivePricing_FairShareWithABand_SpreadsIncomeMoreThanLowestPrice()
    {
        // Jobs done at once and demand well below capacity: idle providers undercut down to their floors, so lowest-price
        // gives the work to the lowest costs; fair-share shares it among everyone priced within the band of the cheapest.
        var slack = new { provider_speed = 0, job_deadline_blocks = 10, demand = 0.1 };
        double lowest = 0, fair = 0;
        ulong[] seeds = [1, 2, 3, 4];
        foreach (ulong seed in seeds)
        {
            lowest += EconomyRuns.Outcome(Market("lowest-price", slack), seed, steps: 400).Metric("provider_income_gini") / seeds.Length;
            fair += EconomyRuns.Outcome(Market("fair-share", slack), seed, steps: 400).Metric("provider_income_gini") / seeds.Length;
        }

        output.WriteLine($"provider income Gini ({seeds.Length} seeds, mean): lowest-price {lowest:F3}, fair-share {fair:F3}");
        Assert.True(fair < lowest, $"fair-share {fair:F3} vs lowest-price {lowest:F3}");
    }

    [Fact]
    public void AdaptivePrices_NeverGoBelowCost_AndMoveFromTheStartingMarkup()
    {
        // Little demand: most providers are idle and cut their prices down to their floor.
        var run = EconomyRuns.Run(Market("lowest-price", new { demand = 0.02 }), steps: 400);
        foreach (var provider in run.Providers)
        {
            var record = MarketStore.Provider(run.World.State, provider.Address)!;
            Assert.True(record.Offer.PricePerWorkUnit >= provider.PriceFloor, provider.Name);
            // The floor pays the cost after the protocol fee.
            Assert.True(TokenUnits.ToTokens(provider.PriceFloor) * (1 - MarketParams.Default.ProtocolFeeBps / 10_000.0) >= provider.Cost, provider.Name);
            Assert.Equal(provider.Offer.PricePerWorkUnit, record.Offer.PricePerWorkUnit);
        }

        Assert.Contains(run.Providers, p => p.Offer.PricePerWorkUnit == p.PriceFloor);
    }

    [Fact]
    public void FixedPricing_KeepsCostTimesMarkup()
    {
        var run = EconomyRuns.Run(Market("lowest-price", new { pricing = "fixed", demand = 0.02 }), steps: 120);
        Assert.All(run.Providers, p => Assert.Equal(
            TokenUnits.Tokens(p.Cost * 1.2), MarketStore.Provider(run.World.State, p.Address)!.Offer.PricePerWorkUnit));
    }

    [Fact]
    public void BadPricingParameters_AreRefused()
    {
        Assert.Equal("bad_parameter", Assert.Throws<ScenarioException>(() => EconomyRuns.Outcome(EconomyRuns.Small(new { pricing = "cheap" }), steps: 1)).Code);
        Assert.Equal("bad_parameter", Assert.Throws<ScenarioException>(() =>
            EconomyRuns.Outcome(EconomyRuns.Small(new { idle_utilization = 0.8, busy_utilization = 0.5 }), steps: 1)).Code);
        Assert.Equal("bad_parameter", Assert.Throws<ScenarioException>(() => EconomyRuns.Outcome(EconomyRuns.Small(new { fair_share_band_bps = 100_001 }), steps: 1)).Code);
    }
}
