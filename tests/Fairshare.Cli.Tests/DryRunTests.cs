using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>
/// Issue 20, "keys and spending": <c>--dry-run</c> executes a transaction against the current state and prints what
/// it would do without sending it (nothing changes: balances, nonce, height), exactly what sending it then does; at a
/// terminal a spending command asks first (a real pseudo-terminal, from util-linux's <c>script</c>), <c>--yes</c> does
/// not ask, and without a terminal nothing asks.
/// </summary>
public sealed class DryRunTests : CliTestBase
{
    private static readonly BigInteger Token = BigInteger.Pow(10, 18);

    [Fact]
    public void ADryRun_SaysWhatTheTransferWouldDo_AndChangesNothing()
    {
        var (alice, bob, nonce, height) = (Balance("alice", "FSH"), Balance("bob", "FSH"), Nonce("alice"), Height());
        var run = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "2", "--dry-run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("dry run, not sent: sent 2 FSH to ", run.Stdout, StringComparison.Ordinal);
        Assert.Equal((alice, bob, nonce, height), (Balance("alice", "FSH"), Balance("bob", "FSH"), Nonce("alice"), Height()));

        var refused = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "100000", "--dry-run");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("dry run: the transaction would be rejected", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("[InsufficientBalance]", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal((alice, nonce, height), (Balance("alice", "FSH"), Nonce("alice"), Height()));
    }

    [Fact]
    public void ADryRunSwap_ReportsTheFillThatSendingItThenGets()
    {
        Ok("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "1000");
        Ok("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");
        var usdf = Balance("alice", "USDF");
        var dry = Json("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--dry-run");
        Assert.True(dry["dryRun"]!.GetValue<bool>());
        // Uniswap V2's getAmountOut on the 100 FSH / 200 USDF pool, 0.3 % fee.
        var expected = Token * 997 * (200 * Token) / (100 * Token * 1000 + Token * 997);
        Assert.Equal(expected, Parse(dry["received"]!["amount"]!));
        Assert.Equal(usdf, Balance("alice", "USDF"));

        var sent = Json("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1");
        Assert.Null(sent["dryRun"]);
        Assert.Equal(expected, Parse(sent["received"]!["amount"]!));
        Assert.Equal(usdf + expected, Balance("alice", "USDF"));
    }

    [Theory]
    [InlineData("n", 1, false)]
    [InlineData("y", 0, true)]
    public async Task AtATerminal_SpendingAsksFirst(string answer, int exitCode, bool sent)
    {
        var bob = Balance("bob", "FSH");
        var (stdout, exit) = await InTerminal(answer, "transfer", "--from", "alice", "--to", "bob", "--amount", "3");
        Assert.True(exit == exitCode, stdout);
        Assert.Contains("send this Transfer from fs1", stdout, StringComparison.Ordinal);
        Assert.Equal(sent ? bob + 3 * Token : bob, Balance("bob", "FSH"));
        if (!sent) Assert.Contains("declined; nothing was sent", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtATerminal_YesDoesNotAsk_AndKeysDeleteTakesTheSameYes()
    {
        var bob = Balance("bob", "FSH");
        var (stdout, exit) = await InTerminal("n", "transfer", "--from", "alice", "--to", "bob", "--amount", "4", "--yes");
        Assert.True(exit == 0, stdout);
        Assert.DoesNotContain("send this", stdout, StringComparison.Ordinal);
        Assert.Equal(bob + 4 * Token, Balance("bob", "FSH"));

        var env = new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "dry-run-test" };
        Assert.Equal(0, Cli.RunWith(env, "keys", "new", "erin").ExitCode);
        AssertOneLineError(Cli.Run("keys", "delete", "erin"), 2, "pass --yes");
        var deleted = Cli.Run("keys", "delete", "erin", "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
    }

    /// <summary>Runs the CLI on a pseudo-terminal (util-linux's script), typing <paramref name="answer"/>.</summary>
    private async Task<(string Output, int ExitCode)> InTerminal(string answer, params string[] args)
    {
        string line = string.Join(' ', new[] { "dotnet", CliProcess.Executable }.Concat(args).Select(a => "'" + a + "'"));
        var info = new ProcessStartInfo("script", ["-qec", line, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["FAIRSHARE_HOME"] = Cli.Home;
        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("FAIRSHARE_PASSPHRASE");
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(answer + "\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (await output, process.ExitCode);
    }

    private BigInteger Balance(string account, string asset) => Parse(Json("balance", account)["balances"]![asset]!);

    private ulong Nonce(string account) => Json("balance", account)["nonce"]!.GetValue<ulong>();

    private ulong Height() => Json("balance", "alice")["height"]!.GetValue<ulong>();

    private static BigInteger Parse(JsonNode node) => BigInteger.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
