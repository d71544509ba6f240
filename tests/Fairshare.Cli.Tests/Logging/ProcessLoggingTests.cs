using System.Text.Json;
using Fairshare.Testnet;

namespace Fairshare.Cli.Tests.Logging;

/// <summary>
/// <c>--log-level</c> and <c>--log-format</c> of the long-running commands (issue 20): a validator started with
/// <c>--log-format json</c> writes one JSON object per standard output line (its start, members, leader, committed
/// blocks and stop as numbered events with their fields); <c>--log-level warning</c> leaves out every information
/// line; the provider logs the same way; a value outside the lists is a usage error.
/// </summary>
public sealed class ProcessLoggingTests : CliTestBase
{
    [Fact]
    public async Task NodeStart_LogFormatJson_WritesOneJsonEventPerLine_LeaderMembersBlocksStartAndStop()
    {
        var ports = new FreePorts();
        string api = $"http://127.0.0.1:{ports.Next()}", raft = $"127.0.0.1:{ports.Next()}";
        using var launcher = new CliProcess(CliProcess.OwnBuildExecutable);
        using var node = new LoggedProcess(launcher.StartInfo("node", "start", "--data", Cli.Home, "--api", api, "--raft", raft, "--block-time-ms", "100", "--log-format", "json"));
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
            Assert.True(await LoggedProcess.WaitHealthyAsync(http, api, node.Process), "the node did not become healthy\n" + node);
        var sent = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "1", "--node", api, "--json");
        Assert.True(sent.ExitCode == 0, sent.ToString());
        ulong height = JsonDocument.Parse(sent.Stdout).RootElement.GetProperty("height").GetUInt64();
        Assert.True(await node.WaitForLineAsync(l => l.Contains("\"EventId\":3012", StringComparison.Ordinal), TimeSpan.FromSeconds(30)), node.ToString());

        Assert.True(await node.StopAsync(), "the node did not stop cleanly on SIGTERM\n" + node);

        Assert.Equal(string.Empty, await node.Stderr);
        var events = node.Events();
        Assert.All(events, e => Assert.Contains(e.GetProperty("LogLevel").GetString(), new[] { "Information", "Warning" }));
        JsonElement One(int id) => Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == id);
        var started = One(5001).GetProperty("State");
        Assert.Equal("fairshare-local-1", started.GetProperty("ChainId").GetString());
        Assert.Equal(api + "/", started.GetProperty("Api").GetString());
        Assert.Equal(raft, started.GetProperty("Raft").GetString());
        Assert.Equal(1, started.GetProperty("Members").GetInt32());
        var member = One(3030).GetProperty("State");
        Assert.Equal(raft, member.GetProperty("Raft").GetString());
        Assert.Equal("this validator", member.GetProperty("Member").GetString());
        Assert.Equal(raft, One(3004).GetProperty("State").GetProperty("Leader").GetString());
        Assert.Equal("Fairshare.Node.Cluster.RaftLedgerService", One(3001).GetProperty("Category").GetString());
        var block = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 3012 && e.GetProperty("State").GetProperty("Height").GetUInt64() == height).GetProperty("State");
        Assert.Equal(1, block.GetProperty("Transactions").GetInt32());
        Assert.Equal(64, block.GetProperty("BlockHash").GetString()!.Length);
        Assert.Equal(5002, events[^1].GetProperty("EventId").GetInt32());
        Assert.DoesNotContain(events, e => e.GetProperty("EventId").GetInt32() == 3013); // empty blocks are debug events
    }

    [Fact]
    public async Task NodeStart_LogLevelWarning_WritesNoInformationLine()
    {
        // A peer that is not there: this validator cannot lead, and says so as a warning (event 3032, peer unreachable).
        var ports = new FreePorts();
        string api = $"http://127.0.0.1:{ports.Next()}", raft = $"127.0.0.1:{ports.Next()}";
        string peer = $"127.0.0.1:{ports.Next()}=http://127.0.0.1:{ports.Next()}";
        using var launcher = new CliProcess(CliProcess.OwnBuildExecutable);
        using var node = new LoggedProcess(launcher.StartInfo("node", "start", "--data", Cli.Home, "--api", api, "--raft", raft, "--peer", peer,
            "--log-format", "json", "--log-level", "warning"));
        Assert.True(await node.WaitForLineAsync(l => l.Contains("\"EventId\":3032", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), node.ToString());
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
            Assert.True(await LoggedProcess.WaitHealthyAsync(http, api, node.Process, "/health/live"), "the node's API did not start\n" + node);

        Assert.True(await node.StopAsync(), "the node did not stop cleanly on SIGTERM\n" + node);

        var events = node.Events();
        Assert.Contains(events, e => e.GetProperty("EventId").GetInt32() == 3032 && e.GetProperty("LogLevel").GetString() == "Warning");
        Assert.All(events, e => Assert.Contains(e.GetProperty("LogLevel").GetString(), new[] { "Warning", "Error", "Critical" }));
        Assert.DoesNotContain(events, e => e.GetProperty("EventId").GetInt32() is 5001 or 5002 or 3030);
    }

    [Fact]
    public async Task ProviderStart_LogFormatJson_LogsAsJson_AndWarningLevelLeavesOutItsInformation()
    {
        // No node at the URL: the provider says it is waiting (an information event), then fails with one error line.
        string url = $"http://127.0.0.1:{new FreePorts().Next()}";
        string[] start = ["provider", "start", "--node", url, "--dev-key", "provider-1", "--wait-s", "1", "--log-format", "json"];
        using (var provider = new LoggedProcess(Cli.StartInfo(start)))
        {
            await provider.Process.WaitForExitAsync();
            Assert.Equal(1, provider.Process.ExitCode);
            var waiting = Assert.Single(provider.Events());
            Assert.Equal(5021, waiting.GetProperty("EventId").GetInt32());
            Assert.Equal("Fairshare.Cli.Provider", waiting.GetProperty("Category").GetString());
            Assert.Contains("waiting for the node", waiting.GetProperty("State").GetProperty("Activity").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("error: ", await provider.Stderr, StringComparison.Ordinal);
        }

        using var quiet = new LoggedProcess(Cli.StartInfo([.. start, "--log-level", "warning"]));
        await quiet.Process.WaitForExitAsync();
        Assert.Equal(1, quiet.Process.ExitCode);
        Assert.Empty(quiet.Lines);
    }

    [Theory]
    [InlineData("node", "--log-level", "verbose", "trace, debug, information, warning, error")]
    [InlineData("node", "--log-format", "xml", "text, json")]
    [InlineData("provider", "--log-level", "Info", "trace, debug, information, warning, error")]
    [InlineData("provider", "--log-format", "JSON", "text, json")]
    public void Start_WithABadLogValue_ExitsTwo_NamingTheChoices(string command, string option, string value, string choices)
    {
        var run = Cli.Run(command, "start", option, value);

        AssertOneLineError(run, 2, $"{option} '{value}' is not one of {choices}");
        Assert.Equal(string.Empty, run.Stdout);
    }
}
