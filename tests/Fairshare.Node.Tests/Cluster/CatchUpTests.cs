using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Xunit.Abstractions;

namespace Fairshare.Node.Tests.Cluster;

[Collection("cluster")]
public sealed class CatchUpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task MemberDownForManySnapshotIntervals_CatchesUpFromASnapshot()
    {
        await using var cluster = TestCluster.Create(members: 3, senders: 2, configure: o => o with { SnapshotInterval = 10, BlockTime = TimeSpan.FromMilliseconds(20) });
        await cluster.StartAllAsync();
        int leaderIndex = await cluster.WaitForLeaderAsync(Deadline);
        int down = (leaderIndex + 1) % 3;
        await TestCluster.WaitUntilAsync(() => cluster.Nodes[down]!.Head.Height >= 3, Deadline, "a few blocks pass");
        ulong stoppedAt = cluster.Nodes[down]!.Head.Height;
        await cluster.StopAsync(down);

        var result = await cluster.SubmitToLeaderAsync([cluster.Transfer(0), cluster.Transfer(1)], Deadline);
        Assert.Equal(2, result.Outcomes.Count(o => o.Code == ResultCode.Ok));
        // A member that stayed up (the leader or not): the restarted member's chain is compared with its own.
        var other = cluster.Running.First();
        await TestCluster.WaitUntilAsync(() => other.Head.Height >= stoppedAt + 45, Deadline, "four snapshot intervals pass");

        var restarted = await cluster.StartAsync(down);
        ulong target = other.Head.Height;
        await TestCluster.WaitUntilAsync(() => restarted.Head.Height >= target, Deadline, "the member catches up");
        var head = restarted.Head;
        // The chain goes on: the other member may not have applied the restarted member's newest block yet.
        await TestCluster.WaitUntilAsync(() => other.ReadBlock(head.Height) is not null, Deadline, "the other member has the same height");
        Assert.Equal(other.ReadBlock(head.Height)!.Header.Hash(), head.BlockHash);
        Assert.Equal(other.ReadBlock(head.Height)!.Header.StateRoot, head.StateRoot);
        Assert.Equal(restarted.Head.StateRoot, restarted.Read(s => s.ComputeRoot()));
        Assert.Equal(1UL, restarted.Read(s => s.Find(cluster.Senders[0].Address)!.Nonce));
        int covered = Enumerable.Range((int)stoppedAt + 1, (int)(target - stoppedAt)).Count(h => restarted.ReadBlock((ulong)h) is null);
        output.WriteLine($"stopped at {stoppedAt}, caught up to {target}; {covered} blocks came as a snapshot instead of log entries");
        Assert.True(covered > 0, "the member should have installed a snapshot");
    }
}
