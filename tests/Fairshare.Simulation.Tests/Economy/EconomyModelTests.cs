using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Simulation.Economy;
using Fairshare.Simulation.Economy.Agents;
using Fairshare.Simulation.Runs;
using Xunit.Abstractions;

namespace Fairshare.Simulation.Tests.Economy;

/// <summary>The economy model on small populations: reproducible, conserving, and its mechanisms doing what they say.</summary>
public sealed class EconomyModelTests(ITestOutputHelper output)
{
    [Fact]
    public void SameSeed_GivesTheSameOutcomeAndStateRoot_AnotherSeedDoesNot()
    {
        var parameters = EconomyRuns.Small();
        var a = EconomyRuns.Outcome(parameters, seed: 11, steps: 150);
        var b = EconomyRuns.Outcome(parameters, seed: 11, steps: 150);
        var c = EconomyRuns.Outcome(parameters, seed: 12, steps: 150);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.Metrics.Select(m => m.Value), b.Metrics.Select(m => m.Value));
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
        Assert.Equal("step", a.Series!.Columns[0].Name);
        Assert.Equal(3, a.Series.Rows.Count);
        Assert.True(a.Metric("jobs_settled") > 0);
    }

    [Fact]
    public void SupplyIsConserved_EveryUnitIsInSomeAccount_AndFshMovesOnlyByEmissionAndBurn()
    {
        var run = EconomyRuns.Run(EconomyRuns.Small(), steps: 200);
        var state = run.World.State;
        foreach (var asset in new[] { AssetId.Fsh, AssetId.Usdf })
        {
            var sum = state.AccountsInOrder().Aggregate(BigInteger.Zero, (s, a) => s + a.BalanceOf(asset).ToBigInteger());
            Assert.Equal(state.FindAsset(asset)!.Supply.ToBigInteger(), sum);
        }

        var genesisFsh = TokenUnits.Tokens(EconomyGenesis.Supply).ToBigInteger();
        var book = run.World.Book;
        Assert.True(book.FshMinted > 0);
        Assert.Equal(book.EmissionToProviders + book.EmissionToTreasury, book.FshMinted);
        var supply = state.FindAsset(AssetId.Fsh)!.Supply.ToBigInteger();
        Assert.Equal(supply - book.FshMinted + book.FshBurned, run.GenesisFshSupply);
        Assert.True(BigInteger.Abs(run.GenesisFshSupply - genesisFsh) < BigInteger.Pow(10, 14));
    }

    [Fact]
    public void LowestPrice_ConcentratesProviderIncome_MoreThanFairShare()
    {
        var common = new JsonObject { ["providers"] = 6, ["provider_cost_min"] = 1.0, ["provider_cost_max"] = 1.3, ["provider_emission"] = 0 };
        var lowest = EconomyRuns.Outcome(EconomyRuns.Small(With(common, "matching_policy", "lowest-price")), steps: 300);
        var fair = EconomyRuns.Outcome(EconomyRuns.Small(With(common, "matching_policy", "fair-share")), steps: 300);
        double lowestGini = lowest.Metric("provider_income_gini"), fairGini = fair.Metric("provider_income_gini");
        output.WriteLine($"provider income Gini: lowest-price {lowestGini:F3}, fair-share {fairGini:F3}");
        Assert.True(fairGini < lowestGini, $"fair-share {fairGini:F3} vs lowest-price {lowestGini:F3}");
    }

    [Fact]
    public void CappedCurve_KeepsEachProvidersEmissionShare_UnderTheCap()
    {
        var run = EconomyRuns.Run(EconomyRuns.Small(new JsonObject { ["reward_curve"] = "capped", ["reward_cap_bps"] = 2_000, ["matching_policy"] = "lowest-price" }), steps: 200);
        var book = run.World.Book;
        var total = book.EmissionToProviders + book.EmissionToTreasury;
        Assert.True(total > 0);
        Assert.All(book.EmissionByProvider.Values, e => Assert.True(e * 10_000 <= total * 2_000 + 10_000, $"{e} of {total}"));
        Assert.True(book.EmissionToTreasury > 0, "with few providers working, what the cap leaves goes to the treasury");
    }

    [Fact]
    public void FlashLoanAttacker_NeverProfits_AgainstTwapPricing()
    {
        var outcome = EconomyRuns.Outcome(EconomyRuns.Small(new JsonObject { ["flash_loan_attackers"] = 1, ["attack_every_blocks"] = 40, ["pool_fsh"] = 1_000_000, ["pool_usdf"] = 1_000_000, ["insider_sell_share"] = 0 }), steps: 300);
        output.WriteLine($"attempts {outcome.Metric("flash_loan_attempts")}, reverts {outcome.Metric("flash_loan_reverts")}, profit {outcome.Metric("flash_loan_profit")}");
        Assert.True(outcome.Metric("flash_loan_attempts") >= 4);
        Assert.Equal(outcome.Metric("flash_loan_attempts"), outcome.Metric("flash_loan_reverts"));
        Assert.True(outcome.Metric("flash_loan_profit") <= 0);
    }

    [Fact]
    public void Cheaters_AreCaughtAndSlashed()
    {
        var run = EconomyRuns.Run(EconomyRuns.Small(new JsonObject { ["cheater_share"] = 0.5, ["cheat_rate"] = 1.0, ["spot_check_ppm"] = 1_000_000 }), steps: 200);
        var cheaters = run.Providers.Where(p => p.Cheater && p.WrongReveals > 0).ToList();
        Assert.NotEmpty(cheaters);
        var state = run.World.State;
        foreach (var cheater in cheaters)
        {
            Assert.True(MarketStore.Provider(state, cheater.Address)!.Stats.Faults > 0, cheater.Name);
            Assert.True(StakingModule.SelfBonded(state, cheater.Address) < TokenUnits.Tokens(ProviderAgent.BondFsh), cheater.Name);
        }

        Assert.All(run.Providers.Where(p => !p.Cheater), p => Assert.Equal(0ul, MarketStore.Provider(state, p.Address)!.Stats.Faults));
        Assert.Equal(0, run.World.Book.WrongAccepted);
    }

    [Fact]
    public void VestingClaims_FollowTheSchedule()
    {
        var beforeCliff = EconomyRuns.Run(EconomyRuns.Small(), steps: 90);
        Assert.All(beforeCliff.Insiders, i => Assert.True(i.Claimed.IsZero, i.Name));

        var run = EconomyRuns.Run(EconomyRuns.Small(), steps: 260);
        foreach (var insider in run.Insiders)
        {
            var vesting = run.World.State.Find(insider.Address)!.Vesting!;
            Assert.Equal(vesting.VestedAt(250), insider.Claimed);
            Assert.Equal(vesting.Claimed, insider.Claimed);
            Assert.Equal(TokenUnits.Share(vesting.VestedAt(100), 0.5) + TokenUnits.Share(vesting.VestedAt(150) - vesting.VestedAt(100), 0.5)
                + TokenUnits.Share(vesting.VestedAt(200) - vesting.VestedAt(150), 0.5) + TokenUnits.Share(vesting.VestedAt(250) - vesting.VestedAt(200), 0.5), insider.Sold);
        }
    }

    [Fact]
    public void RugPull_LeavesTheBuyersWithALoss()
    {
        var outcome = EconomyRuns.Outcome(EconomyRuns.Small(new JsonObject
        {
            ["rug_buyers"] = 5, ["rug_at_block"] = 150, ["pool_fsh"] = 200_000, ["pool_usdf"] = 200_000, ["small_lps"] = 1, ["whales"] = 0, ["arbitrageurs"] = 0,
        }), steps: 220);
        output.WriteLine($"rug-pull loss {outcome.Metric("rug_pull_loss")} USDF ({outcome.Metric("rug_pull_loss_share"):P1} of what they spent)");
        Assert.True(outcome.Metric("rug_pull_loss") > 0);
        Assert.True(outcome.Metric("rug_pull_loss_share") > 0.5);
    }

    [Fact]
    public void Governance_VotesUnderEachRule_AndQuadraticSpreadsTheWeight()
    {
        var token = EconomyRuns.Outcome(EconomyRuns.Small(new JsonObject { ["voting_rule"] = "token-weighted" }), steps: 130);
        var quadratic = EconomyRuns.Outcome(EconomyRuns.Small(new JsonObject { ["voting_rule"] = "quadratic" }), steps: 130);
        output.WriteLine($"governance Nakamoto: token-weighted {token.Metric("governance_nakamoto")}, quadratic {quadratic.Metric("governance_nakamoto")}");
        Assert.False(double.IsNaN(token.Metric("governance_nakamoto")));
        Assert.True(quadratic.Metric("governance_nakamoto") >= token.Metric("governance_nakamoto"));
    }

    private static JsonObject With(JsonObject source, string key, string value)
    {
        var copy = source.DeepClone().AsObject();
        copy[key] = value;
        return copy;
    }
}
