namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare lend</c> as a person uses it, on a fresh chain (no AMM pool, so no TWAP prices yet).</summary>
public sealed class LendCommandTests : CliTestBase
{
    [Fact]
    public void Supply_CreatesTheMarket_MarketsShowsIt_AndRedeemAllTakesItBack()
    {
        Assert.Empty(Json("lend", "markets")["markets"]!.AsArray());
        Assert.Equal("Ok", Json("lend", "supply", "--from", "alice", "--asset", "FSH", "--amount", "100")["code"]!.GetValue<string>());
        var market = Assert.Single(Json("lend", "markets")["markets"]!.AsArray())!;
        Assert.Equal("cFSH", market["ctoken"]!.GetValue<string>());
        Assert.Equal("100000000000000000000", market["cash"]!.GetValue<string>());
        Assert.Equal("200000000000000000000000000", market["exchangeRateMantissa"]!.GetValue<string>());
        Assert.Null(market["twapPriceMantissa"]);
        Assert.Equal("Ok", Json("lend", "supply", "--from", "bob", "--asset", "FSH", "--amount", "10")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("lend", "redeem", "--from", "bob", "--asset", "FSH", "--all")["code"]!.GetValue<string>());
        Assert.Equal("0", Json("balance", "bob")["balances"]!["cFSH"]!.GetValue<string>());
    }

    [Fact]
    public void Errors_AreOneClearLine()
    {
        AssertOneLineError(Cli.Run("lend", "borrow", "--from", "alice", "--asset", "FSH", "--amount", "1"), 1, "LendMarketNotFound");
        Assert.Equal("Ok", Json("lend", "supply", "--from", "alice", "--asset", "FSH", "--amount", "100")["code"]!.GetValue<string>());
        AssertOneLineError(Cli.Run("lend", "borrow", "--from", "alice", "--asset", "FSH", "--amount", "1"), 1, "LendPriceUnavailable");
        AssertOneLineError(Cli.Run("lend", "repay", "--from", "alice", "--asset", "FSH", "--all"), 1, "LendNoBorrow");
        AssertOneLineError(Cli.Run("lend", "repay", "--from", "alice", "--asset", "FSH"), 2, "exactly one of --amount or --all");
        AssertOneLineError(Cli.Run("lend", "redeem", "--from", "alice", "--asset", "USDF", "--all"), 2, "no lending market");
        AssertOneLineError(Cli.Run("lend", "liquidate", "--from", "alice", "--borrower", "bob", "--asset", "FSH", "--amount", "1"), 2, "--collateral");
    }

    [Fact]
    public void EveryLendCommand_HasHelp()
    {
        foreach (var verb in new[] { "supply", "redeem", "borrow", "repay", "liquidate", "markets", "account" })
        {
            var run = Cli.Run("lend", verb, "--help");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
        }
    }
}
