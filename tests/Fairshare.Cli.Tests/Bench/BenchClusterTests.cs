using System.Text.Json.Nodes;
using Fairshare.Bench.Cluster;

namespace Fairshare.Cli.Tests.Bench;

/// <summary>'fairshare bench cluster': a real cluster of node processes takes pre-signed transfers and commits them all.</summary>
public sealed class BenchClusterTests
{
    [Fact]
    public void BenchCluster_OneValidator_CommitsEveryTransfer_NoneRefused()
    {
        using var cli = new CliProcess(CliProcess.OwnBuildExecutable);
        var before = Clusters();
        var run = cli.Run("bench", "cluster", "--validators", "1", "--txs", "500", "--senders", "10", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        var only = Assert.Single(json["runs"]!.AsArray())!;
        Assert.Equal(1, only["validators"]!.GetValue<int>());
        Assert.Equal(500, only["committed"]!.GetValue<int>());
        Assert.Equal(0, only["refused"]!.GetValue<int>());
        Assert.True(only["blocks"]!.GetValue<ulong>() >= 1, run.Stdout);
        Assert.True(json["rawVerifyPerSecond"]!.GetValue<double>() > 0, run.Stdout);
        Assert.Empty(Clusters().Except(before)); // its temporary folder is gone
    }

    [Fact]
    public void Sign_GivesEachSenderToOneWorker_InNonceOrder()
    {
        var (all, streams) = ClusterBenchmark.Sign(new ClusterBenchOptions([1], Transactions: 103, Senders: 10, Workers: 4));

        Assert.Equal(103, all.Count);
        Assert.Equal(4, streams.Count);
        Assert.Equal(103, streams.Sum(s => s.Count));
        var owner = new Dictionary<string, int>();
        for (int w = 0; w < streams.Count; w++)
        {
            foreach (var group in streams[w].GroupBy(t => t.Sender.ToString()))
            {
                Assert.True(owner.TryAdd(group.Key, w), $"sender {group.Key} is in two streams");
                Assert.Equal(Enumerable.Range(0, group.Count()).Select(n => (ulong)n), group.Select(t => t.Body.Nonce));
            }
        }

        Assert.Equal(10, owner.Count);
    }

    private static HashSet<string> Clusters() => [.. Directory.GetDirectories(Path.GetTempPath(), "fairshare-bench-cluster-*")];
}
