using System.Text.Json.Nodes;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Fairshare.Simulation.Economy;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Tests.Economy;

/// <summary>Every economy parameter is checked: wrong type, out of range, unknown keys and inconsistent pairs fail with a code.</summary>
public sealed class EconomyParametersTests
{
    [Fact]
    public void Defaults_AndTheMechanismNames_Parse()
    {
        var p = EconomyParameters.Parse(new JsonObject
        {
            ["matching_policy"] = "fair-share",
            ["reward_curve"] = "capped",
            ["voting_rule"] = "quadratic",
            ["providers"] = 3.0,
        });
        Assert.Equal(MatchingPolicy.FairShare, p.MatchingPolicy);
        Assert.Equal(RewardCurve.Capped, p.RewardCurve);
        Assert.Equal(VotingRule.Quadratic, p.VotingRule);
        Assert.Equal(3, p.Providers);
        Assert.Equal(20, EconomyParameters.Parse([]).Clients);
    }

    [Fact]
    public void EveryParameter_RefusesAWrongTypeAndAnOutOfRangeValue()
    {
        Assert.NotEmpty(EconomyParameters.Names);
        foreach (string name in EconomyParameters.Names)
        {
            AssertBad(new JsonObject { [name] = "not-a-value" }, name);
            AssertBad(new JsonObject { [name] = -1e9 }, name);
            AssertBad(new JsonObject { [name] = null }, name);
        }
    }

    [Fact]
    public void UnknownKeys_AndInconsistentPairs_AreRefused()
    {
        AssertBad(new JsonObject { ["provider"] = 5 }, "provider");
        AssertBad(new JsonObject { ["provider_cost_min"] = 2.0, ["provider_cost_max"] = 1.0 }, "provider_cost_max");
        AssertBad(new JsonObject { ["vesting_cliff_blocks"] = 500, ["vesting_duration_blocks"] = 100 }, "vesting_cliff_blocks");
        AssertBad(new JsonObject { ["providers"] = 2.5 }, "providers");
        AssertBad(new JsonObject { ["reward_cap_bps"] = 10_001 }, "reward_cap_bps");
        AssertBad(new JsonObject { ["matching_policy"] = "cheapest" }, "matching_policy");
    }

    [Fact]
    public void TheModel_ValidatesThroughTheSeam()
    {
        var model = new EconomyModel();
        Assert.Equal("economy", model.Name);
        var error = Assert.Throws<ScenarioException>(() => model.Validate(new JsonObject { ["voting_rule"] = "plutocracy" }));
        Assert.Equal("bad_parameter", error.Code);
        model.Validate(new JsonObject { ["voting_rule"] = "capped" });
    }

    private static void AssertBad(JsonObject parameters, string mentioned)
    {
        var error = Assert.Throws<ScenarioException>(() => EconomyParameters.Parse(parameters));
        Assert.Equal("bad_parameter", error.Code);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }
}
