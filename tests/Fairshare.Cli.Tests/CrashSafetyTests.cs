using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>kill -9 during a commit loop: every block reported committed survives, and the state matches a replay.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private List<(ulong Height, string Root)> RunAndKill(int blocksBeforeKill)
    {
        var reported = new List<(ulong, string)>();
        using var process = Process.Start(_cli.StartInfo("dev", "commit-loop", "--txs-per-block", "25"))!;
        var deadline = Stopwatch.StartNew();
        while (reported.Count < blocksBeforeKill && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            var line = process.StandardOutput.ReadLine();
            if (line is null) break;
            var parts = line.Split(' ');
            if (parts.Length == 3 && parts[0] == "committed") reported.Add((ulong.Parse(parts[1]), parts[2]));
        }

        process.Kill(entireProcessTree: true); // SIGKILL on Unix: no cleanup runs
        process.WaitForExit();
        Assert.True(reported.Count >= blocksBeforeKill, $"only {reported.Count} blocks were reported: {process.StandardError.ReadToEnd()}");
        return reported;
    }

    [Fact]
    public void KilledDuringCommits_LosesNothingReported_AndReplaysToTheSameRoot()
    {
        Assert.Equal(0, _cli.Run("init").ExitCode);
        var reported = RunAndKill(12);
        reported.AddRange(RunAndKill(12).Where(r => r.Height > reported[^1].Height));

        foreach (var (height, root) in reported)
        {
            var shown = _cli.Run("block", "show", height.ToString(), "--json");
            Assert.True(shown.ExitCode == 0, shown.ToString());
            Assert.Equal(root, JsonNode.Parse(shown.Stdout)!["stateRoot"]!.GetValue<string>());
        }

        var latest = JsonNode.Parse(_cli.Run("block", "show", "latest", "--json").Stdout)!;
        Assert.True(latest["height"]!.GetValue<ulong>() >= reported[^1].Height);
        var verified = _cli.Run("verify-chain", "--json");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Equal(latest["stateRoot"]!.GetValue<string>(), JsonNode.Parse(verified.Stdout)!["stateRoot"]!.GetValue<string>());

        var resumed = _cli.Run("dev", "commit-loop", "--blocks", "2", "--txs-per-block", "5");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
    }
}
