using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>The CLI as a person uses it: real processes on a fresh data directory.</summary>
public sealed class CliCommandTests : CliTestBase
{
    [Fact]
    public void Init_ImportsTheDevKeys_AndRefusesToRunTwice()
    {
        var keys = Json("keys", "list").AsArray().Select(k => k!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("alice", keys);
        Assert.Contains("usdf-issuer", keys);
        AssertOneLineError(Cli.Run("init"), 1, "--force");
    }

    [Fact]
    public void Transfer_MovesFunds_AndShowsInBalanceAndBlock()
    {
        var before = Json("balance", "bob")["balances"]!["FSH"]!.GetValue<string>();
        var sent = Json("transfer", "--from", "alice", "--to", "bob", "--amount", "12.5");
        Assert.Equal("Ok", sent["code"]!.GetValue<string>());
        var after = Json("balance", "bob")["balances"]!["FSH"]!.GetValue<string>();
        Assert.Equal(System.Numerics.BigInteger.Parse(before) + System.Numerics.BigInteger.Parse("12500000000000000000"), System.Numerics.BigInteger.Parse(after));
        var block = Json("block", "show", "latest");
        Assert.Equal(sent["height"]!.GetValue<ulong>(), block["height"]!.GetValue<ulong>());
        Assert.Equal(sent["tx"]!.GetValue<string>(), block["transactions"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, Json("balance", "alice")["nonce"]!.GetValue<int>());
    }

    [Fact]
    public void Overspending_IsOneClearLine_AndChangesNothing()
    {
        var before = Json("balance", "bob");
        AssertOneLineError(Cli.Run("transfer", "--from", "bob", "--to", "alice", "--amount", "999999999"), 1, "InsufficientBalance");
        Assert.Equal(before.ToJsonString(), Json("balance", "bob").ToJsonString());
        AssertOneLineError(Cli.Run("block", "show", "1"), 1, "no block at height 1");
    }

    [Fact]
    public void UsdfMint_OnlyByTheIssuer()
    {
        Assert.Equal("Ok", Json("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "100")["code"]!.GetValue<string>());
        Assert.Equal("100000000000000000000", Json("balance", "alice")["balances"]!["USDF"]!.GetValue<string>());
        AssertOneLineError(Cli.Run("usdf", "mint", "--from", "alice", "--to", "alice", "--amount", "1"), 1, "NotIssuer");
    }

    [Theory]
    [InlineData(new[] { "transfer", "--from", "alice", "--to", "bob", "--amount", "abc" }, "--amount 'abc'")]
    [InlineData(new[] { "transfer", "--from", "alice", "--to", "fs1zz", "--amount", "1" }, "not a valid address")]
    [InlineData(new[] { "transfer", "--from", "nobody", "--to", "bob", "--amount", "1" }, "no key named 'nobody'")]
    [InlineData(new[] { "transfer", "--from", "alice", "--to", "bob", "--amount", "1", "--asset", "DOGE" }, "unknown asset 'DOGE'")]
    [InlineData(new[] { "transfer", "--from", "alice" }, "--to")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "block", "show", "tall" }, "not a block height")]
    public void BadArguments_AreOneClearLine_WithExitCode2(string[] args, string mustContain) =>
        AssertOneLineError(Cli.Run(args), 2, mustContain);

    [Fact]
    public void Init_OfANonDevelopmentChainListingADevelopmentValidator_IsRefused_AndWritesNothing()
    {
        // The example genesis lists validator-1, whose seed anyone can derive: renamed as a real chain, it must not run.
        using var fresh = new CliProcess();
        var genesis = JsonNode.Parse(Commands.InitCommand.ReadExampleGenesis())!;
        genesis["chain_id"] = "fairshare-mainnet-1";
        string path = Path.Combine(fresh.Home, "mainnet.json");
        File.WriteAllText(path, genesis.ToJsonString());
        string data = Path.Combine(fresh.Home, "chain");

        AssertOneLineError(fresh.Run("init", "--genesis", path, "--data", data), 2, "development key 'validator-1'");
        Assert.False(Directory.Exists(data));
    }

    [Theory]
    [InlineData("fairshare-local-1", true)]
    [InlineData("fairshare-testnet", true)]
    [InlineData("acme_dev.2", true)]
    [InlineData("fairshare-mainnet-1", false)]
    [InlineData("latest-1", false)] // a word that only contains "test" is not a development word
    public void DevelopmentChains_AreNamedSo(string chainId, bool development) =>
        Assert.Equal(development, Commands.DevAccounts.IsDevelopmentChain(chainId));

    [Fact]
    public void CommandsOnAMissingChain_SayToRunInit()
    {
        using var empty = new CliProcess();
        AssertOneLineError(empty.Run("balance", "alice"), 1, "fairshare init");
    }

    [Fact]
    public void KeysNew_NeedsAPassphrase_AndTheKeyThenSigns()
    {
        AssertOneLineError(Cli.Run("keys", "new", "erin"), 2, "FAIRSHARE_PASSPHRASE");
        var env = new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "correct horse" };
        var created = Cli.RunWith(env, "keys", "new", "erin", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var address = JsonNode.Parse(created.Stdout)!["address"]!.GetValue<string>();
        Assert.Equal(0, Cli.Run("transfer", "--from", "alice", "--to", address, "--amount", "5").ExitCode);
        var wrong = Cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "wrong" }, "transfer", "--from", "erin", "--to", "bob", "--amount", "1");
        AssertOneLineError(wrong, 2, "wrong passphrase");
        var right = Cli.RunWith(env, "transfer", "--from", "erin", "--to", "bob", "--amount", "1");
        Assert.True(right.ExitCode == 0, right.ToString());
        // The development keys (empty passphrase) still sign with the passphrase of erin's key in the environment.
        var development = Cli.RunWith(env, "transfer", "--from", "alice", "--to", "bob", "--amount", "1");
        Assert.True(development.ExitCode == 0, development.ToString());
    }

    [Fact]
    public void EveryCommand_HasHelp()
    {
        foreach (var command in new[] { "init", "keys", "balance", "transfer", "block", "verify-chain", "bench", "conformance", "usdf", "vesting", "dex", "stable", "lend", "farm", "gov", "market" })
        {
            var run = Cli.Run(command, "--help");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SameBlocks_GiveTheSameStateRoot_InTwoFreshProcesses()
    {
        for (int i = 0; i < 3; i++) Assert.Equal(0, Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", (i + 1).ToString()).ExitCode);
        var head = Json("block", "show", "latest")["stateRoot"]!.GetValue<string>();
        var first = Json("verify-chain");
        using var copy = new CliProcess();
        foreach (var file in Directory.GetFiles(Cli.Home)) File.Copy(file, Path.Combine(copy.Home, Path.GetFileName(file)));
        var second = copy.Run("verify-chain", "--json");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(first["ok"]!.GetValue<bool>());
        Assert.Equal(head, first["stateRoot"]!.GetValue<string>());
        Assert.Equal(head, JsonNode.Parse(second.Stdout)!["stateRoot"]!.GetValue<string>());
    }

    [Fact]
    public void Dex_AddSwapAndPools_MoveRealBalances_AndBadInputIsOneLine()
    {
        Json("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "5000");
        Assert.Equal("Ok", Json("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200")["code"]!.GetValue<string>());
        var quote = Json("dex", "quote", "--sell", "FSH", "--buy", "USDF", "--amount", "1")["amounts"]!.AsArray();
        var expectedOut = System.Numerics.BigInteger.Parse(quote[1]!.GetValue<string>());
        var before = System.Numerics.BigInteger.Parse(Json("balance", "alice")["balances"]!["USDF"]!.GetValue<string>());
        Json("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1");
        var after = System.Numerics.BigInteger.Parse(Json("balance", "alice")["balances"]!["USDF"]!.GetValue<string>());
        Assert.Equal(expectedOut, after - before);
        var pool = Json("dex", "pools").AsArray().Single()!;
        Assert.Equal("101000000000000000000", pool["reserve0"]!.GetValue<string>());
        AssertOneLineError(Cli.Run("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--slippage", "abc"), 2, "--slippage");
        AssertOneLineError(Cli.Run("dex", "swap", "--from", "bob", "--sell", "USDF", "--buy", "FSH", "--amount", "1"), 1, "InsufficientBalance");
    }
}
