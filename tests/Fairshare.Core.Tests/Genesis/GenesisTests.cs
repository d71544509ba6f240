using System.Text.Json.Nodes;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Genesis;

public sealed class GenesisTests
{
    private static readonly string ValidJson = GenesisWriter.ToJson(TestChain.CreateGenesis());

    private static GenesisError? Load(string json)
    {
        var (config, error) = GenesisParser.Parse(json);
        return error ?? GenesisBuilder.Build(config!).Error;
    }

    private static string Edit(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(ValidJson)!;
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void WrittenGenesis_ParsesBackToTheSameConfig()
    {
        var original = TestChain.CreateGenesis();
        var (parsed, error) = GenesisParser.Parse(GenesisWriter.ToJson(original));
        Assert.Null(error);
        Assert.Equal(original.Hash(), parsed!.Hash());
    }

    [Fact]
    public void GenesisState_HoldsTheAllocations_VestingInEscrow_AndCohortTags()
    {
        var chain = TestChain.Create();
        var state = chain.State;
        Assert.Equal(TestChain.StartingBalance * new Amount(6), state.FindAsset(AssetId.Fsh)!.Supply);
        Assert.Equal(TestChain.StartingBalance, state.BalanceOf(chain.Key("alice").Address, AssetId.Fsh));
        var founder = state.Find(chain.Key("founder").Address)!;
        Assert.Equal(Cohort.Founders, founder.Cohort);
        Assert.Equal(Amount.Zero, founder.BalanceOf(AssetId.Fsh));
        Assert.Equal(TestChain.StartingBalance, state.BalanceOf(LedgerState.VestingEscrow, AssetId.Fsh));
        Assert.Equal(state.ComputeRoot(), state.Head.StateRoot);
    }

    [Theory]
    [InlineData("{", ResultCode.GenesisMalformed)]
    [InlineData("[]", ResultCode.GenesisMalformed)]
    [InlineData("{\"chain_id\": \"x\"}", ResultCode.GenesisMalformed)]
    public void MalformedDocuments_AreRefused(string json, ResultCode expected) => Assert.Equal(expected, Load(json)!.Code);

    [Fact]
    public void MissingField_NamesThePath()
    {
        var error = Load(Edit(n => n["allocations"]![0]!.AsObject().Remove("amount")))!;
        Assert.Equal(ResultCode.GenesisMalformed, error.Code);
        Assert.Contains("allocations[0].amount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadAddress() =>
        Assert.Equal(ResultCode.GenesisBadAddress, Load(Edit(n => n["allocations"]![1]!["address"] = "fs1nothex"))!.Code);

    [Fact]
    public void ChecksumTypoInAnAddress()
    {
        string Typo(string s) => s[..5] + (s[5] == '0' ? '1' : '0') + s[6..];
        var error = Load(Edit(n => n["allocations"]![1]!["address"] = Typo(n["allocations"]![1]!["address"]!.GetValue<string>())))!;
        Assert.Equal(ResultCode.GenesisBadAddress, error.Code);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.0000000000000000001")]
    [InlineData("abc")]
    [InlineData("")]
    public void BadAmount(string amount) =>
        Assert.Equal(ResultCode.GenesisBadAmount, Load(Edit(n => n["allocations"]![0]!["amount"] = amount))!.Code);

    [Fact]
    public void DuplicateAllocation() =>
        Assert.Equal(ResultCode.GenesisDuplicateAllocation, Load(Edit(n => n["allocations"]![1]!["address"] = n["allocations"]![0]!["address"]!.GetValue<string>()))!.Code);

    [Fact]
    public void SupplyOverflow()
    {
        var max = Amount.MaxValue.ToDecimalString(18);
        Assert.Equal(ResultCode.GenesisSupplyOverflow, Load(Edit(n => n["allocations"]![0]!["amount"] = max))!.Code);
    }

    [Fact]
    public void CliffAfterTheEnd() =>
        Assert.Equal(ResultCode.GenesisBadVesting, Load(Edit(n => n["allocations"]![5]!["vesting"]!["cliff_blocks"] = 1000))!.Code);

    [Fact]
    public void UnknownCohort() =>
        Assert.Equal(ResultCode.GenesisBadValue, Load(Edit(n => n["allocations"]![0]!["cohort"] = "whales"))!.Code);

    [Fact]
    public void FeeSplitAboveOneHundredPercent() =>
        Assert.Equal(ResultCode.GenesisBadValue, Load(Edit(n => n["params"]!["fee_validator_bps"] = 10001))!.Code);

    [Fact]
    public void NoValidators() =>
        Assert.Equal(ResultCode.GenesisBadValue, Load(Edit(n => n["validators"] = new JsonArray()))!.Code);

    [Fact]
    public void ShippedExampleGenesis_IsValid()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "uni-like.json");
        var (config, error) = GenesisParser.Parse(File.ReadAllText(path));
        Assert.Null(error);
        var (state, buildError) = GenesisBuilder.Build(config!);
        Assert.Null(buildError);
        Assert.Equal(Amount.Parse("1000000000000000000000000000"), state!.FindAsset(AssetId.Fsh)!.Supply);
    }
}
