namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare gov</c> as a person uses it: lock, propose, vote, list and show, with one-line errors.</summary>
public sealed class GovCommandTests : CliTestBase
{
    [Fact]
    public void GovernanceVerbs_WorkFromTheCommandLine()
    {
        foreach (var verb in new[] { "lock", "unlock", "delegate", "propose", "vote", "queue", "execute", "cancel", "list", "show", "params" })
        {
            var help = Cli.Run("gov", verb, "--help");
            Assert.True(help.ExitCode == 0 && help.Stdout.Contains("--json", StringComparison.Ordinal), help.ToString());
        }

        Ok("gov", "lock", "--from", "alice", "--amount", "500");
        Ok("gov", "delegate", "--from", "bob", "--to", "alice");
        Ok("gov", "propose", "--from", "alice", "--set", "amm.protocol-fee-on=on", "--description", "fee switch");
        AssertOneLineError(Cli.Run("gov", "vote", "1", "--from", "alice", "--support", "for"), 1, "VotingClosed");
        Ok("transfer", "--from", "bob", "--to", "alice", "--amount", "1");
        Ok("gov", "vote", "1", "--from", "alice", "--support", "for");

        var shown = Json("gov", "show", "1");
        Assert.Equal("Active", shown["state"]!.GetValue<string>());
        Assert.Equal("500000000000000000000", shown["for"]!.GetValue<string>());
        Assert.Equal("amm.protocol-fee-on", shown["actions"]![0]!["parameter"]!.GetValue<string>());
        Assert.Single(Json("gov", "list")["proposals"]!.AsArray());

        var bad = Cli.Run("gov", "propose", "--from", "alice", "--set", "amm.protocol-fee-on=2");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("outside", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Params_ShowEachValueInItsOwnUnit_AndJsonKeepsTheRawValue()
    {
        // Expected texts from docs/modules/governance.md: a lending factor and a StableSwap fee are fractions (shown in %),
        // basis points in %, the matching policy by its name, FSH amounts with the symbol, counts grouped.
        var run = Cli.Run("gov", "params");
        Assert.True(run.ExitCode == 0, run.ToString());
        string Row(string name) => run.Stdout.Split('\n').Single(l => l.Contains(name + " ", StringComparison.Ordinal));
        Assert.Contains("│ 50 %", Row("lend.collateral-factor"), StringComparison.Ordinal);
        Assert.Contains("0 % .. 90 %", Row("lend.collateral-factor"), StringComparison.Ordinal);
        Assert.Contains("│ 50 %", Row("stable.admin-fee"), StringComparison.Ordinal);
        Assert.Contains("│ 25 %", Row("gov.cap-bps"), StringComparison.Ordinal);
        Assert.Contains("│ fair-share", Row("market.matching-policy"), StringComparison.Ordinal);
        Assert.Contains("lowest-price .. weighted", Row("market.matching-policy"), StringComparison.Ordinal);
        Assert.Contains("│ linear", Row("market.reward-curve"), StringComparison.Ordinal);
        Assert.Contains("│ 0.0001 FSH", Row("ledger.min-fee"), StringComparison.Ordinal);
        Assert.Contains("1 .. 40,320", Row("gov.voting-delay"), StringComparison.Ordinal);
        foreach (var ratio in new[] { "lend.collateral-factor", "lend.reserve-factor", "lend.close-factor", "lend.liquidation-incentive", "stable.fee", "stable.admin-fee" })
            Assert.DoesNotContain("FSH", Row(ratio), StringComparison.Ordinal);

        var json = Json("gov", "params").AsArray();
        var factor = json.Single(p => p!["name"]!.GetValue<string>() == "lend.collateral-factor")!;
        Assert.Equal("500000000000000000", factor["value"]!.GetValue<string>());
        Assert.Equal(18, factor["decimals"]!.GetValue<int>());
        Assert.Equal("fraction", factor["unit"]!.GetValue<string>());
        Assert.Equal("50 %", factor["text"]!.GetValue<string>());
        var policy = json.Single(p => p!["name"]!.GetValue<string>() == "market.matching-policy")!;
        Assert.Equal(("1", "choice", "fair-share"), (policy["value"]!.GetValue<string>(), policy["unit"]!.GetValue<string>(), policy["text"]!.GetValue<string>()));
        Assert.Equal(["lowest-price", "fair-share", "weighted"], policy["choices"]!.AsArray().Select(c => c!.GetValue<string>()));
    }
}
