using System.Text.Json.Nodes;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Genesis;

public sealed class GenesisParameterTests
{
    private static string WithModuleParams(JsonObject moduleParams)
    {
        var node = JsonNode.Parse(GenesisWriter.ToJson(TestChain.CreateGenesis()))!;
        node["module_params"] = moduleParams;
        return node.ToJsonString();
    }

    [Fact]
    public void ModuleParams_AreAppliedAtGenesis_AndRoundTripThroughTheWriter()
    {
        var (config, error) = GenesisParser.Parse(WithModuleParams(new JsonObject { ["amm.twap-period-seconds"] = "60", ["gov.voting-period"] = "7" }));
        Assert.Null(error);
        var state = GenesisBuilder.Build(config!).State!;
        Assert.Equal(60u, AmmPools.Params(state).TwapPeriodSeconds);
        Assert.Equal(7ul, GovStore.Params(state).VotingPeriod);
        Assert.Equal(state.ComputeRoot(), state.Head.StateRoot);

        var (reparsed, again) = GenesisParser.Parse(GenesisWriter.ToJson(config!));
        Assert.Null(again);
        Assert.Equal(config!.Hash(), reparsed!.Hash());
        Assert.NotEqual(TestChain.CreateGenesis().Hash(), config.Hash());
    }

    [Theory]
    [InlineData("amm.no-such-thing", "1")]
    [InlineData("amm.twap-period-seconds", "0")]
    [InlineData("amm.twap-period-seconds", "1.5")]
    public void BadModuleParams_AreRefusedWithTheirName(string name, string value)
    {
        var (config, error) = GenesisParser.Parse(WithModuleParams(new JsonObject { [name] = value }));
        error ??= GenesisBuilder.Build(config!).Error;
        Assert.NotNull(error);
        Assert.Contains(name, error!.Message, StringComparison.Ordinal);
        Assert.True(error.Code is ResultCode.GenesisBadValue or ResultCode.GenesisBadAmount);
    }
}
