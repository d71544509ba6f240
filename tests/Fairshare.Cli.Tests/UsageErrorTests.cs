using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>
/// Issue 20, "errors": a usage error exits 2 before anything is signed, says what to do, suggests the nearest command or
/// option for a typo, and under <c>--json</c> is a JSON document on stdout too; percentages read alike for every
/// option; a refusal for want of funds says the numbers.
/// </summary>
public sealed class UsageErrorTests : CliTestBase
{
    [Fact]
    public void ATypoedCommand_UnderJson_IsAJsonUsageError_WithTheNearestCommand()
    {
        var run = Cli.Run("tranfer", "--json");
        Assert.True(run.ExitCode == 2, run.ToString());
        var error = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("usage", error["error"]!.GetValue<string>());
        Assert.Equal("fairshare transfer", error["suggestion"]!.GetValue<string>());
        Assert.Contains("did you mean 'fairshare transfer'?", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith("[usage]", line, StringComparison.Ordinal);

        var nested = Cli.Run("dex", "swp");
        Assert.True(nested.ExitCode == 2, nested.ToString());
        Assert.Contains("did you mean 'fairshare dex swap'?", nested.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, nested.Stdout);
    }

    [Fact]
    public void ATypoedOption_GetsTheNearestOption_AndNothingIsSigned()
    {
        var nonce = Nonce("alice");
        var run = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amout", "1");
        AssertOneLineError(run, 2, "did you mean '--amount'?");
        Assert.Equal(nonce, Nonce("alice"));

        // Nothing near enough: no guess.
        var far = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "1", "--zzzzzzzz");
        Assert.True(far.ExitCode == 2, far.ToString());
        Assert.DoesNotContain("did you mean", far.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transfer", "--from", "alice", "--to", "bob", "--amount", "0")]
    [InlineData("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "0.000")]
    [InlineData("stake", "bond", "--from", "alice", "--amount", "0", "--commission", "10%")]
    public void AZeroAmount_IsAUsageError_BeforeAnythingIsSigned(params string[] args)
    {
        string sender = args[Array.IndexOf(args, "--from") + 1];
        var nonce = Nonce(sender);
        AssertOneLineError(Cli.Run(args), 2, "--amount must be more than 0");
        Assert.Equal(nonce, Nonce(sender));
    }

    [Fact]
    public void Percentages_ReadAlike_WithOrWithoutTheSign_ForSlippageAndCommission()
    {
        Ok("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "1000");
        Ok("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");
        foreach (var slippage in new[] { "0.5%", "0.5", "1 %" })
            Assert.Equal(50 * (slippage.StartsWith('1') ? 2 : 1), Json("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--slippage", slippage)["slippageBps"]!.GetValue<int>());
        AssertOneLineError(Cli.Run("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--slippage", "100.01%"), 2, "--slippage '100.01%'");
        AssertOneLineError(Cli.Run("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--slippage", "0.125"), 2, "at most two decimals");
        Ok("stake", "bond", "--from", "bob", "--amount", "100", "--commission", "12.5");
    }

    [Fact]
    public void ARefusalForWantOfFunds_SaysWhatWasNeededAndWhatWasHeld()
    {
        var held = Balance("alice");
        var run = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "100000");
        Assert.True(run.ExitCode == 1, run.ToString());
        // The default fee is the chain's minimum, 0.0001 FSH (genesis/uni-like.json): needed 100,000.0001 FSH.
        Assert.Contains("it needs 100,000.0001 FSH (the amount and the fee of 0.0001 FSH)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"holds {Tokens(held)} FSH", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[InsufficientBalance]", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(held, Balance("alice"));
    }

    private ulong Nonce(string account) => Json("balance", account)["nonce"]!.GetValue<ulong>();

    private BigInteger Balance(string account) =>
        BigInteger.Parse(Json("balance", account)["balances"]!["FSH"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static string Tokens(BigInteger units)
    {
        var whole = BigInteger.DivRem(units, BigInteger.Pow(10, 18), out var fraction);
        string digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
        string text = whole.ToString("N0", CultureInfo.InvariantCulture);
        return digits.Length == 0 ? text : text + "." + digits;
    }
}
