namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare stable</c> as a person uses it, on a fresh chain.</summary>
public sealed class StableCommandTests : CliTestBase
{
    public StableCommandTests()
    {
        Json("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "1000");
    }

    [Fact]
    public void Add_CreatesThePool_PoolsShowsIt_ExchangeAndRemoveWork()
    {
        Assert.Empty(Json("stable", "pools").AsArray());
        Assert.Equal("Ok", Json("stable", "add", "--from", "alice", "--assets", "FSH,USDF", "--amounts", "100,100")["code"]!.GetValue<string>());
        var pool = Assert.Single(Json("stable", "pools").AsArray())!;
        Assert.Equal("SS-FSH-USDF", pool["lpAsset"]!.GetValue<string>());
        Assert.Equal(100, pool["a"]!.GetValue<int>());
        Assert.Equal("1000000000000000000", pool["virtualPrice"]!.GetValue<string>());
        Assert.Equal("Ok", Json("stable", "exchange", "--from", "alice", "--sell", "USDF", "--buy", "FSH", "--amount", "10")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("stable", "add", "--from", "alice", "--assets", "USDF,FSH", "--amounts", "5,0")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("stable", "remove", "--from", "alice", "--pool", "1", "--lp", "50")["code"]!.GetValue<string>());
        Assert.Equal("Ok", Json("stable", "remove", "--from", "alice", "--pool", "1", "--lp", "10", "--coin", "USDF")["code"]!.GetValue<string>());
        var price = System.Numerics.BigInteger.Parse(Json("stable", "pools").AsArray().Single()!["virtualPrice"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(price > System.Numerics.BigInteger.Pow(10, 18), $"virtual price {price} did not grow from fees");
    }

    [Fact]
    public void Errors_AreOneClearLine_AndEveryVerbHasHelp()
    {
        AssertOneLineError(Cli.Run("stable", "exchange", "--from", "alice", "--sell", "USDF", "--buy", "FSH", "--amount", "1"), 2, "no stable pool holds both");
        AssertOneLineError(Cli.Run("stable", "add", "--from", "alice", "--assets", "FSH,USDF", "--amounts", "1,0"), 1, "StableInitialDepositNeedsAllCoins");
        AssertOneLineError(Cli.Run("stable", "add", "--from", "alice", "--assets", "FSH,USDF", "--amounts", "1"), 2, "--amounts has 1 entries");
        AssertOneLineError(Cli.Run("stable", "remove", "--from", "alice", "--pool", "4", "--lp", "1"), 2, "there is no stable pool 4");
        foreach (var verb in new[] { "pools", "add", "remove", "exchange" })
        {
            var help = Cli.Run("stable", verb, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("Usage:", help.Stdout, StringComparison.Ordinal);
        }
    }
}
