using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare gov</c> as a person uses it: lock, propose, vote, list and show, with one-line errors.</summary>
public sealed class GovCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public GovCommandTests()
    {
        var init = _cli.Run("init", "--json");
        Assert.True(init.ExitCode == 0, init.ToString());
    }

    public void Dispose() => _cli.Dispose();

    private void Ok(params string[] args)
    {
        var run = _cli.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private JsonNode Json(params string[] args)
    {
        var run = _cli.Run([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Stdout)!;
    }

    [Fact]
    public void GovernanceVerbs_WorkFromTheCommandLine()
    {
        foreach (var verb in new[] { "lock", "unlock", "delegate", "propose", "vote", "queue", "execute", "cancel", "list", "show", "params" })
        {
            var help = _cli.Run("gov", verb, "--help");
            Assert.True(help.ExitCode == 0 && help.Stdout.Contains("--json", StringComparison.Ordinal), help.ToString());
        }

        Ok("gov", "lock", "--from", "alice", "--amount", "500");
        Ok("gov", "delegate", "--from", "bob", "--to", "alice");
        Ok("gov", "propose", "--from", "alice", "--set", "amm.protocol-fee-on=on", "--description", "fee switch");
        var rejected = _cli.Run("gov", "vote", "1", "--from", "alice", "--support", "for");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("VotingClosed", Assert.Single(rejected.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Ok("transfer", "--from", "bob", "--to", "alice", "--amount", "1");
        Ok("gov", "vote", "1", "--from", "alice", "--support", "for");

        var shown = Json("gov", "show", "1");
        Assert.Equal("Active", shown["state"]!.GetValue<string>());
        Assert.Equal("500000000000000000000", shown["for"]!.GetValue<string>());
        Assert.Equal("amm.protocol-fee-on", shown["actions"]![0]!["parameter"]!.GetValue<string>());
        Assert.Single(Json("gov", "list")["proposals"]!.AsArray());

        var bad = _cli.Run("gov", "propose", "--from", "alice", "--set", "amm.protocol-fee-on=2");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("outside", bad.Stderr, StringComparison.Ordinal);
    }
}
