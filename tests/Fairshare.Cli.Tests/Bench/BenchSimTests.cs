using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests.Bench;

/// <summary>'fairshare bench sim': RTT-1000 through the runner with every hash checked, the Python peer, the population probe.</summary>
public sealed class BenchSimTests
{
    [Fact]
    public void BenchSim_ChecksTheTenHashes_RunsThePeer_AndFitsBytesPerAgent()
    {
        using var cli = new CliProcess();
        var run = cli.Run("bench", "sim", "--repeat", "1", "--peer-runs", "1", "--population", "--population-sizes", "2000,20000", "--population-steps", "5", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        Assert.True(json["hashesMatch"]!.GetValue<bool>(), run.Stdout);
        Assert.Equal("6cd111d15c124d18", json["hashes"]!.AsArray()[9]!.GetValue<string>());
        Assert.Equal(10_000_000, json["transfers"]!.GetValue<long>());
        Assert.True(json["singleSeconds"]!.GetValue<double>() > 0, run.Stdout);
        if (json["peer"] is { } peer) Assert.True(peer["hashesMatch"]!.GetValue<bool>(), run.Stdout);
        else Assert.Contains("python3", json["peerNote"]!.GetValue<string>(), StringComparison.Ordinal);

        var population = json["population"]!;
        Assert.Equal(2, population["points"]!.AsArray().Count);
        // Two long arrays are 16 bytes per agent; the exact metrics at the end add their BigInteger copies.
        Assert.InRange(population["bytesPerAgent"]!.GetValue<double>(), 16, 400);
        Assert.True(population["largestAgents"]!.GetValue<long>() > 10_000_000, run.Stdout);
    }

    [Fact]
    public void BenchSim_BadPopulationSizes_IsAUsageError()
    {
        using var cli = new CliProcess();
        var run = cli.Run("bench", "sim", "--population-sizes", "many");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--population-sizes 'many'", run.Stderr, StringComparison.Ordinal);
    }
}
