using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fairshare.Testing;

namespace Fairshare.Cli.Tests;

/// <summary>
/// Issue 20's walkthrough: the commands of README's "Using the CLI" block, read from README.md itself and run in its
/// order as a person would (real processes, one data directory), each checked for what a person needs to see: the
/// real amounts in tokens with grouping (the transfer and its fee, the LP shares minted, the swap's fill, price and LP
/// fee, the bond and the offer), ratios as percentages and enums by name, and no "G" notation anywhere. Expected
/// amounts come from balances read before and after, and from the Uniswap V2 formulas written out here. The block's
/// lines that measure the machine or run for minutes (<c>bench</c>, <c>demo</c>, <c>provider detect</c>, the GPU
/// script) are not run here: each has its own tests.
/// </summary>
public sealed class ReadmeWalkthroughTests : IDisposable
{
    private static readonly BigInteger Token = BigInteger.Pow(10, 18);
    private static readonly string[] LeftOut = ["bench", "demo", "provider detect"];

    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void ReadmesUsingTheCliCommands_EachShowTheRealAmounts()
    {
        var commands = ReadmeCommands();
        Assert.True(commands.Count >= 15, $"README's Using the CLI block has {commands.Count} fairshare commands");
        var outputs = new List<(string Command, CliRun Run)>();
        BigInteger aliceFsh = 0, aliceUsdf = 0, bobFsh = 0, reserveFsh = 0, reserveUsdf = 0;
        foreach (var args in commands)
        {
            string line = string.Join(' ', args);
            if (LeftOut.Any(l => line.StartsWith(l, StringComparison.Ordinal))) continue;

            // Balances before each step, in base units, to check what the step says it did.
            if (outputs.Count > 0) (aliceFsh, aliceUsdf, bobFsh) = (Balance("alice", "FSH"), Balance("alice", "USDF"), Balance("bob", "FSH"));
            var run = args[0] == "keys" ? _cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "walkthrough" }, [.. args]) : _cli.Run([.. args]);
            outputs.Add((line, run));
            string stdout = run.Stdout;

            if (line.StartsWith("vesting claim", StringComparison.Ordinal))
            {
                // README: "nothing before the one-year cliff": a refusal that says so and changes nothing.
                Assert.True(run.ExitCode == 1, run.ToString());
                Assert.Contains("[NothingToClaim]", run.Stderr, StringComparison.Ordinal);
                Assert.Contains("nothing changed", run.Stderr, StringComparison.Ordinal);
                continue;
            }

            Assert.True(run.ExitCode == 0, $"{line}\n{run}");
            switch (args[0], args.Count > 1 ? args[1] : "")
            {
                case ("transfer", _):
                    var fee = aliceFsh - Balance("alice", "FSH") - Amount(args, "--amount");
                    Assert.Equal(Amount(args, "--amount"), Balance("bob", "FSH") - bobFsh);
                    Assert.Contains($"ok sent {Tokens(Amount(args, "--amount"))} FSH to ", stdout, StringComparison.Ordinal);
                    Assert.Contains($"fee {Tokens(fee)} FSH", stdout, StringComparison.Ordinal);
                    break;
                case ("usdf", "mint"):
                    Assert.Equal(Amount(args, "--amount"), Balance("alice", "USDF") - aliceUsdf);
                    Assert.Contains($"ok minted {Tokens(Amount(args, "--amount"))} USDF", stdout, StringComparison.Ordinal);
                    Assert.Contains("1,000 USDF", stdout, StringComparison.Ordinal);
                    break;
                case ("dex", "add"):
                    // The first deposit mints √(a·b) − 1,000 shares (the minimum liquidity stays locked).
                    var shares = Sqrt(Amount(args, "--amount-a") * Amount(args, "--amount-b")) - 1_000;
                    Assert.Contains($"deposited {Tokens(Amount(args, "--amount-a"))} FSH and {Tokens(Amount(args, "--amount-b"))} USDF", stdout, StringComparison.Ordinal);
                    Assert.Contains($"minted {Tokens(shares)} LP-FSH-USDF", stdout, StringComparison.Ordinal);
                    Assert.Equal(shares, Balance("alice", "LP-FSH-USDF"));
                    (reserveFsh, reserveUsdf) = (Amount(args, "--amount-a"), Amount(args, "--amount-b"));
                    break;
                case ("dex", "swap"):
                    var sold = Amount(args, "--amount");
                    var fill = GetAmountOut(sold, reserveFsh, reserveUsdf);
                    Assert.Equal(fill, Balance("alice", "USDF") - aliceUsdf);
                    Assert.Contains($"ok sold {Tokens(sold)} FSH for {Tokens(fill)} USDF", stdout, StringComparison.Ordinal);
                    Assert.Contains($"LP fee {Tokens(sold * 3 / 1000)} FSH", stdout, StringComparison.Ordinal);
                    Assert.Contains($"slippage limit 0.5%: at least {Tokens(fill * 9950 / 10000)} USDF", stdout, StringComparison.Ordinal);
                    break;
                case ("balance", _):
                    Assert.Matches($@"│ FSH\s+│\s+{Regex.Escape(Tokens(aliceFsh))} │", stdout);
                    Assert.Contains(",", Tokens(aliceFsh), StringComparison.Ordinal);
                    break;
                case ("farm", "list"):
                    Assert.Contains("no farms yet", stdout, StringComparison.Ordinal);
                    break;
                case ("gov", "params"):
                    Assert.Matches(@"lend\.collateral-factor\s*│\s*50 %", stdout);
                    Assert.Matches(@"market\.matching-policy\s*│\s*fair-share", stdout);
                    Assert.DoesNotMatch(@"collateral-factor[^\n]*FSH", stdout);
                    break;
                case ("stake", "bond"):
                    Assert.Contains($"ok bonded {Tokens(Amount(args, "--amount"))} FSH; your pool holds {Tokens(Amount(args, "--amount"))} FSH at 10% commission", stdout, StringComparison.Ordinal);
                    break;
                case ("provider", "register"):
                    Assert.Matches(@"ok registered fs1[0-9a-f]+: [0-9,]+ work units/s at 0\.01 FSH per work unit, 2 slots", stdout);
                    break;
                case ("keys", "new"):
                    Assert.Matches(@"created key erin fs1[0-9a-f]{40,}", stdout);
                    break;
                case ("conformance", _):
                    Assert.Contains("261 passed, 0 failed", stdout, StringComparison.Ordinal);
                    break;
            }
        }

        // The chain the walkthrough made verifies from genesis to the root the latest block shows.
        var root = Assert.Single(outputs, o => o.Command == "block show latest").Run.Stdout;
        var verify = Assert.Single(outputs, o => o.Command == "verify-chain").Run.Stdout;
        var stateRoot = Regex.Match(root, "state root\\s+([0-9a-f]{64})").Groups[1].Value;
        Assert.Contains($"state root {stateRoot}", verify, StringComparison.Ordinal);
        foreach (var (command, run) in outputs) Assert.DoesNotMatch(@"\dE[+-]\d", run.Stdout + run.Stderr);
        Assert.Contains(outputs, o => o.Command.StartsWith("dex swap", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Command.StartsWith("keys new", StringComparison.Ordinal));
    }

    /// <summary>The fairshare commands of README's first code block under "## Using the CLI", comments removed.</summary>
    private static List<IReadOnlyList<string>> ReadmeCommands()
    {
        var lines = File.ReadAllLines(Path.Combine(RealModels.RepositoryRoot, "README.md"));
        int start = Array.FindIndex(lines, l => l.StartsWith("## Using the CLI", StringComparison.Ordinal));
        Assert.True(start >= 0, "README.md has no 'Using the CLI' section");
        int open = Array.FindIndex(lines, start, l => l.StartsWith("```bash", StringComparison.Ordinal));
        int close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        var commands = new List<IReadOnlyList<string>>();
        for (int i = open + 1; i < close; i++)
        {
            string line = lines[i];
            int comment = line.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            line = line.Trim();
            const string Prefix = "scripts/fairshare.sh ";
            if (!line.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            Assert.DoesNotContain('"', line);
            Assert.DoesNotContain('\'', line);
            var args = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // The conformance vectors sit in the shared folder beside the repository (README's path is from the root).
            commands.Add([.. args.Select(a => a.StartsWith("../shared/", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(RealModels.RepositoryRoot, a)) : a)]);
        }

        return commands;
    }

    private BigInteger Balance(string account, string asset)
    {
        var run = _cli.Run("balance", account, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var value = JsonNode.Parse(run.Stdout)!["balances"]![asset];
        return value is null ? BigInteger.Zero : BigInteger.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    /// <summary>An amount option of a README line, in base units (18 decimals).</summary>
    private static BigInteger Amount(IReadOnlyList<string> args, string option)
    {
        int i = args.ToList().IndexOf(option);
        Assert.True(i >= 0 && i + 1 < args.Count, $"no {option} in {string.Join(' ', args)}");
        var value = decimal.Parse(args[i + 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new BigInteger(value * 1_000_000) * Token / 1_000_000;
    }

    /// <summary>Uniswap V2's getAmountOut: a 0.3 % fee on the input.</summary>
    private static BigInteger GetAmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) =>
        amountIn * 997 * reserveOut / (reserveIn * 1000 + amountIn * 997);

    private static BigInteger Sqrt(BigInteger n)
    {
        var x = n;
        var y = (x + 1) / 2;
        while (y < x) (x, y) = (y, (y + n / y) / 2);
        return x;
    }

    /// <summary>Base units as a person reads tokens: grouped thousands, the fraction without trailing zeros.</summary>
    private static string Tokens(BigInteger units)
    {
        var whole = BigInteger.DivRem(units, Token, out var fraction);
        string text = whole.ToString("N0", CultureInfo.InvariantCulture);
        string digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
        return digits.Length == 0 ? text : text + "." + digits;
    }
}
