using System.Diagnostics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Xunit.Abstractions;

namespace Fairshare.Node.Tests.Cluster;

[Collection("cluster")]
public sealed class ThroughputTests(ITestOutputHelper output)
{
    private const int Senders = 200;
    private const int PerSender = 100;

    /// <summary>
    /// 20k transfers on three members in this process: every one commits exactly once on every member (each sender's
    /// nonce ends at 100 everywhere, one state root). The rate is reported, not asserted. The election timeout is
    /// generous and a leader change mid-run is survived (re-submitted transfers that already committed are refused by
    /// nonce), so a machine loaded by other test projects slows this test down but does not fail it.
    /// </summary>
    [Fact]
    public async Task TwentyThousandTransfers_OnThreeMembers_AllCommit()
    {
        var logs = new CollectingLoggerFactory(Microsoft.Extensions.Logging.LogLevel.Warning);
        await using var cluster = TestCluster.Create(members: 3, senders: Senders, configure: o => o with
        {
            BlockTime = TimeSpan.FromMilliseconds(200),
            ElectionTimeout = TimeSpan.FromSeconds(2),
            Logging = logs,
        });
        await cluster.StartAllAsync();
        var leader = cluster.Nodes[await cluster.WaitForLeaderAsync(TimeSpan.FromSeconds(60))]!;
        await TestCluster.WaitUntilAsync(() => leader.Head.Height >= 2, TimeSpan.FromSeconds(60), "the leader makes blocks");
        var batches = Enumerable.Range(0, PerSender / 10)
            .Select(round => (IReadOnlyList<SignedTransaction>)[.. Enumerable.Range(0, Senders * 10).Select(i => cluster.Transfer(i % Senders))])
            .ToList();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(batches.Select(b => cluster.SubmitToLeaderAsync(b, TimeSpan.FromMinutes(4))));
        var elapsed = clock.Elapsed;

        await TestCluster.WaitUntilAsync(
            () => cluster.Running.All(n => cluster.Senders.All(s => n.Read(st => st.Find(s.Address)?.Nonce ?? 0) == PerSender)),
            TimeSpan.FromMinutes(2),
            "every member has applied every transfer");
        foreach (var line in logs.Lines) output.WriteLine(line);
        ulong height = cluster.Running.Min(n => n.Head.Height);
        await TestCluster.WaitUntilAsync(() => cluster.Running.All(n => n.ReadBlock(height) is not null), TimeSpan.FromSeconds(30), "every member has the block");
        Assert.Single(cluster.Running.Select(n => n.ReadBlock(height)!.Header.StateRoot).Distinct());
        var outcomes = results.SelectMany(r => r.Outcomes).ToList();
        output.WriteLine($"{Senders * PerSender} transfers on 3 members in {elapsed.TotalSeconds:F2} s: {Senders * PerSender / elapsed.TotalSeconds:F0} tx/s; {outcomes.Count(o => o.Code == ResultCode.Ok)} acknowledged on the first leader's pass");
    }
}
