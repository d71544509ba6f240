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
}
