using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare lend</c> as a person uses it, on a fresh chain (no AMM pool, so no TWAP prices yet).</summary>
public sealed class LendCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public LendCommandTests()
    {
        var init = _cli.Run("init", "--json");
        Assert.True(init.ExitCode == 0, init.ToString());
    }

    public void Dispose() => _cli.Dispose();

    private JsonNode Json(params string[] args)
    {
        var run = _cli.Run([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Stdout)!;
    }

    private void AssertOneLineError(int exitCode, string mustContain, params string[] args)
    {
        var run = _cli.Run(args);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(mustContain, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Supply_CreatesTheMarket_MarketsShowsIt_AndRedeemAllTakesItBack()
    {
        Assert.Empty(Json("lend", "markets")["markets"]!.AsArray());
        Assert.Equal("Ok", Json("lend", "supply", "--from", "alice", "--asset", "FSH", "--amount", "100")["code"]!.GetValue<string>());
        var market = Assert.Single(Json("lend", "markets")["markets"]!.AsArray())!;
        Assert.Equal("cFSH", market["ctoken"]!.GetValue<string>());
        Assert.Equal("100000000000000000000", market["cash"]!.GetValue<string>());
        Assert.Equal("200000000000000000000000000", market["exchange_rate_mantissa"]!.GetValue<string>());
        Assert.Null(market["twap_price_mantissa"]);
        Assert.Equal("Ok", Json("lend", "supply", "--from", "bob", "--asset", "FSH", "--amount", "10")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("lend", "redeem", "--from", "bob", "--asset", "FSH", "--all")["code"]!.GetValue<string>());
        Assert.Equal("0", Json("balance", "bob")["balances"]!["cFSH"]!.GetValue<string>());
    }

    [Fact]
    public void Errors_AreOneClearLine()
    {
        AssertOneLineError(1, "LendMarketNotFound", "lend", "borrow", "--from", "alice", "--asset", "FSH", "--amount", "1");
        Assert.Equal("Ok", Json("lend", "supply", "--from", "alice", "--asset", "FSH", "--amount", "100")["code"]!.GetValue<string>());
        AssertOneLineError(1, "LendPriceUnavailable", "lend", "borrow", "--from", "alice", "--asset", "FSH", "--amount", "1");
        AssertOneLineError(1, "LendNoBorrow", "lend", "repay", "--from", "alice", "--asset", "FSH", "--all");
        AssertOneLineError(2, "exactly one of --amount or --all", "lend", "repay", "--from", "alice", "--asset", "FSH");
        AssertOneLineError(2, "no lending market", "lend", "redeem", "--from", "alice", "--asset", "USDF", "--all");
        AssertOneLineError(2, "--collateral", "lend", "liquidate", "--from", "alice", "--borrower", "bob", "--asset", "FSH", "--amount", "1");
    }

    [Fact]
    public void EveryLendCommand_HasHelp()
    {
        foreach (var verb in new[] { "supply", "redeem", "borrow", "repay", "liquidate", "markets", "account" })
        {
            var run = _cli.Run("lend", verb, "--help");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
        }
    }
}
