using System.Text.Json.Nodes;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Xunit.Abstractions;

namespace Fairshare.Simulation.Tests.Economy;

/// <summary>
/// Each of the simulator's mechanism rules reaches the chain it runs (the scenario's string becomes the module's
/// parameter, read back from the ledger) and (for the rules whose effect is large in a small run) changes an outcome
/// against the default rule in the direction the mechanism is for; how fair-share matching and concave rewards move
/// income inequality is tested over longer runs in EconomyModelTests and AdaptivePricingTests. A rule the simulator
/// silently ignored would leave the ledger on the default and the outcome equal.
/// </summary>
public sealed class RuleSensitivityTests(ITestOutputHelper output)
{
    private const int Steps = 130;

    [Theory]
    [InlineData("token-weighted", VotingRule.TokenWeighted)]
    [InlineData("quadratic", VotingRule.Quadratic)]
    [InlineData("capped", VotingRule.Capped)]
    public void VotingRule_ReachesTheChain(string name, VotingRule expected)
    {
        var run = EconomyRuns.Run(EconomyRuns.Small(new JsonObject { ["voting_rule"] = name }), steps: 2);
        Assert.Equal(expected, GovStore.Params(run.World.State).VotingRule);
    }

    [Theory]
    [InlineData("quadratic")]
    [InlineData("capped")]
    public void VotingRule_SpreadsGovernanceBeyondTokenWeighting(string rule)
    {
        double token = Metric("voting_rule", "token-weighted", "governance_nakamoto");
        double other = Metric("voting_rule", rule, "governance_nakamoto");
        Assert.True(other > token, $"{rule}: governance Nakamoto {other} should exceed token-weighted {token}");
    }

    [Theory]
    [InlineData("lowest-price", MatchingPolicy.LowestPrice)]
    [InlineData("fair-share", MatchingPolicy.FairShare)]
    [InlineData("weighted", MatchingPolicy.Weighted)]
    public void MatchingPolicy_ReachesTheChain(string name, MatchingPolicy expected)
    {
        var run = EconomyRuns.Run(EconomyRuns.Small(new JsonObject { ["matching_policy"] = name }), steps: 2);
        Assert.Equal(expected, MarketStore.Params(run.World.State).MatchingPolicy);
    }


    [Theory]
    [InlineData("linear", RewardCurve.Linear)]
    [InlineData("concave", RewardCurve.Concave)]
    [InlineData("capped", RewardCurve.Capped)]
    public void RewardCurve_ReachesTheChain(string name, RewardCurve expected)
    {
        var run = EconomyRuns.Run(EconomyRuns.Small(new JsonObject { ["reward_curve"] = name }), steps: 2);
        Assert.Equal(expected, MarketStore.Params(run.World.State).RewardCurve);
    }

    [Fact]
    public void CappedRewards_HoldBackEmissionBeyondTheCap()
    {
        double linear = Metric("reward_curve", "linear", "emission_to_providers");
        double capped = Metric("reward_curve", "capped", "emission_to_providers");
        Assert.True(capped < linear, $"capped emission to providers {capped} should be below linear {linear}");
    }

    private double Metric(string key, string value, string metric)
    {
        double result = EconomyRuns.Outcome(EconomyRuns.Small(new JsonObject { [key] = value }), steps: Steps).Metric(metric);
        output.WriteLine($"{key}={value}: {metric} = {result}");
        return result;
    }
}
