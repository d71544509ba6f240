using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Node.Tests.Cluster;

[Collection("cluster")]
public sealed class SingleMemberTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ElectsItself_CommitsTransfers_AndRestartsWithTheSameChain()
    {
        await using var cluster = TestCluster.Create(members: 1, senders: 2);
        var node = await cluster.StartAsync(0);
        await cluster.WaitForLeaderAsync(Deadline);
        Assert.True(File.Exists(cluster.Data[0].RunningNodePath));

        var transfers = Enumerable.Range(0, 20).Select(i => cluster.Transfer(i % 2)).ToList();
        var result = await node.SubmitAsync(transfers, wait: true, Deadline, CancellationToken.None);
        Assert.Equal(SubmitStatus.Accepted, result.Status);
        Assert.All(result.Outcomes, o => Assert.Equal(ResultCode.Ok, o.Code));
        Assert.All(result.Outcomes, o => Assert.False(o.IsPending));
        ulong lastHeight = result.Outcomes.Max(o => o.Height!.Value);
        var lastBlock = node.ReadBlock(lastHeight)!;
        Assert.Equal(10UL, node.Read(s => s.Find(cluster.Senders[0].Address)!.Nonce));
        Assert.Single(node.ReadSignatures(lastHeight));

        await cluster.StopAsync(0);
        Assert.False(File.Exists(cluster.Data[0].RunningNodePath));
        node = await cluster.StartAsync(0);

        Assert.True(node.Head.Height >= lastHeight);
        Assert.Equal(lastBlock.Header.Hash(), node.ReadBlock(lastHeight)!.Header.Hash());
        foreach (var outcome in result.Outcomes)
            Assert.Contains(node.ReadBlock(outcome.Height!.Value)!.Transactions, t => t.Id == outcome.TxId);
        Assert.Equal(node.Head.StateRoot, node.Read(s => s.ComputeRoot()));
        Assert.Equal(10UL, node.Read(s => s.Find(cluster.Senders[0].Address)!.Nonce));

        await cluster.WaitForLeaderAsync(Deadline);
        var again = await node.SubmitAsync([transfers[0]], wait: true, Deadline, CancellationToken.None);
        Assert.Equal(result.Outcomes[0].Height, again.Outcomes[0].Height);
        var next = await node.SubmitAsync([cluster.Transfer(0)], wait: true, Deadline, CancellationToken.None);
        Assert.Equal(ResultCode.Ok, next.Outcomes[0].Code);
        Assert.True(next.Outcomes[0].Height > lastHeight);
    }

    [Fact]
    public async Task ClusterView_OfTheLeader_HasItsOneMemberAndItsIndexLag_UntilItStops()
    {
        await using var cluster = TestCluster.Create(members: 1, senders: 1);
        var node = await cluster.StartAsync(0);
        await cluster.WaitForLeaderAsync(Deadline);

        var result = await node.SubmitAsync([cluster.Transfer(0), cluster.Transfer(0)], wait: true, Deadline, CancellationToken.None);
        await TestCluster.WaitUntilAsync(() => node.Cluster.IndexLag == 0, Deadline, "every committed entry is applied");
        var view = node.Cluster;
        await cluster.StopAsync(0);

        Assert.All(result.Outcomes, o => Assert.Equal(ResultCode.Ok, o.Code));
        Assert.True(view.IsLeader);
        Assert.Equal(cluster.Members[0].ApiUrl, Assert.Single(view.MemberApiUrls));
        Assert.Equal(0, view.IndexLag);
        Assert.Null(node.Cluster.IndexLag);
    }
}
