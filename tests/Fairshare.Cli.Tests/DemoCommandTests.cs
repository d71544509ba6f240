using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary><c>fairshare demo</c>, <c>provider detect</c> and their refusals, as real processes.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    [Fact]
    public void Demo_RunsRealJobsUnderBothPolicies_AndReportsVerifiedJobsCheatsMoneyAndGini()
    {
        var run = _cli.Run("demo", "--jobs", "4", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Stdout)!;
        var policies = report["policies"]!.AsArray();
        Assert.Equal(["lowest-price", "fair-share"], policies.Select(p => (string)p!["policy"]!));
        foreach (var policy in policies)
        {
            Assert.Equal(8, (int)policy!["submitted"]!);
            Assert.Equal(8, (int)policy["settled"]! + (int)policy["failed"]!);
            Assert.True((int)policy["settled"]! > 0);
            Assert.True(decimal.Parse((string)policy["clientSpend"]!) <= decimal.Parse((string)policy["clientEscrow"]!));
            Assert.NotNull(policy["flows"]!["job-payment"]);
            Assert.InRange((double)policy["incomeGini"]!, 0.0, 1.0);
            Assert.Equal(6, policy["providers"]!.AsArray().Count);
            foreach (var provider in policy["providers"]!.AsArray().Where(p => (string)p!["behaviour"]! == "honest"))
                Assert.Equal(0, (int)provider!["caught"]!);
        }
    }

    [Fact]
    public void Demo_PrintsTablesForPeople()
    {
        var run = _cli.Run("demo", "--jobs", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var text in new[] { "jobs", "providers under lowest-price", "providers under fair-share", "money moved, by flow tag", "job-payment", "Gini" })
            Assert.Contains(text, run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("many")]
    public void Demo_RefusesABadJobCount_WithExitCode2(string jobs)
    {
        var run = _cli.Run("demo", "--jobs", jobs);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderDetect_ReportsThisMachineAndABenchmarkScore()
    {
        var run = _cli.Run("provider", "detect", "--benchmark-ms", "200", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        Assert.True((int)json["logicalCores"]! >= 1);
        Assert.True((long)json["memoryMb"]! > 0);
        Assert.True((ulong)json["workUnitsPerSecond"]! > 0);
    }

    public void Dispose() => _cli.Dispose();
}
