using System.Diagnostics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Xunit.Abstractions;

namespace Fairshare.Node.Tests.Cluster;

[Collection("cluster")]
public sealed class ThroughputTests(ITestOutputHelper output)
{
    private const int Senders = 200;
    private const int PerSender = 100;

    /// <summary>20k transfers on three members in this process: all commit; the rate is reported, not asserted.</summary>
    [Fact]
    public async Task TwentyThousandTransfers_OnThreeMembers_AllCommit()
    {
        var logs = new CollectingLoggerFactory(Microsoft.Extensions.Logging.LogLevel.Warning);
        await using var cluster = TestCluster.Create(members: 3, senders: Senders, configure: o => o with { BlockTime = TimeSpan.FromMilliseconds(200), Logging = logs });
        await cluster.StartAllAsync();
        var leader = cluster.Nodes[await cluster.WaitForLeaderAsync(TimeSpan.FromSeconds(10))]!;
        await TestCluster.WaitUntilAsync(() => leader.Head.Height >= 2, TimeSpan.FromSeconds(10), "the leader makes blocks");
        var batches = Enumerable.Range(0, PerSender / 10)
            .Select(round => (IReadOnlyList<SignedTransaction>)[.. Enumerable.Range(0, Senders * 10).Select(i => cluster.Transfer(i % Senders))])
            .ToList();
        ulong startHeight = leader.Head.Height;

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(batches.Select(b => cluster.SubmitToLeaderAsync(b, TimeSpan.FromSeconds(60))));
        var elapsed = clock.Elapsed;

        foreach (var line in logs.Lines) output.WriteLine(line);
        var outcomes = results.SelectMany(r => r.Outcomes).ToList();
        Assert.Equal(Senders * PerSender, outcomes.Count(o => o.Code == ResultCode.Ok && !o.IsPending));
        ulong blocks = outcomes.Max(o => o.Height!.Value) - startHeight;
        output.WriteLine($"{outcomes.Count} transfers on 3 members in {elapsed.TotalSeconds:F2} s: {outcomes.Count / elapsed.TotalSeconds:F0} tx/s, {blocks} blocks, {blocks / elapsed.TotalSeconds:F1} blocks/s");
    }
}
