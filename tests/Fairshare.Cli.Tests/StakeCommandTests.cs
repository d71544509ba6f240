namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare stake</c> as a provider and a delegator use it, on a fresh chain.</summary>
public sealed class StakeCommandTests : CliTestBase
{
    [Fact]
    public void BondDelegateUnbondAndCommission_ShowInThePool()
    {
        Assert.Empty(Json("stake", "show")["pools"]!.AsArray());
        Assert.Equal("Ok", Json("stake", "bond", "--from", "alice", "--amount", "150", "--commission", "10%")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("stake", "delegate", "--from", "bob", "--provider", "alice", "--amount", "50")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("stake", "unbond", "--from", "bob", "--provider", "alice", "--amount", "20")["code"]!.GetValue<string>());
        var commission = Json("stake", "commission", "--from", "alice", "--commission", "12.5%");
        int changeHeight = commission["height"]!.GetValue<int>() + 100;

        var pool = Assert.Single(Json("stake", "show", "alice")["pools"]!.AsArray())!;
        Assert.Equal("180000000000000000000", pool["tokens"]!.GetValue<string>());
        Assert.Equal("150000000000000000000", pool["selfBonded"]!.GetValue<string>());
        Assert.Equal(1000, pool["commissionBps"]!.GetValue<int>());
        Assert.Equal(1250, pool["pendingCommissionBps"]!.GetValue<int>());
        Assert.Equal(changeHeight, pool["pendingCommissionHeight"]!.GetValue<int>());
        Assert.Equal(1, pool["delegators"]!.GetValue<int>());
        Assert.Equal("20000000000000000000", pool["unbonding"]!.GetValue<string>());
        Assert.Equal(2, pool["positions"]!.AsArray().Count);
        Assert.Equal("20000000000000000000", Assert.Single(pool["unbondingEntries"]!.AsArray())!["tokens"]!.GetValue<string>());

        var table = Cli.Run("stake", "show", "alice");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("12.5% at", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("bob", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreOneClearLine_AndEveryVerbHasHelp()
    {
        AssertOneLineError(Cli.Run("stake", "bond", "--from", "alice", "--amount", "99"), 1, "StakeBelowMinSelfBond");
        AssertOneLineError(Cli.Run("stake", "bond", "--from", "alice", "--amount", "100", "--commission", "101%"), 2, "--commission '101%'");
        AssertOneLineError(Cli.Run("stake", "delegate", "--from", "bob", "--provider", "alice", "--amount", "1"), 1, "StakePoolNotFound");
        AssertOneLineError(Cli.Run("stake", "withdraw", "--from", "bob"), 1, "StakeNothingToWithdraw");
        AssertOneLineError(Cli.Run("stake", "unbond", "--from", "bob", "--provider", "alice", "--all"), 2, "you hold no stake");
        foreach (var verb in new[] { "bond", "delegate", "unbond", "withdraw", "claim", "commission", "show" })
        {
            var help = Cli.Run("stake", verb, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("Usage:", help.Stdout, StringComparison.Ordinal);
        }
    }
}
