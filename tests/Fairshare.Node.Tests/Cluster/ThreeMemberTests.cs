using System.Collections.Concurrent;
using System.Diagnostics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Xunit.Abstractions;

namespace Fairshare.Node.Tests.Cluster;

[Collection("cluster")]
public sealed class ThreeMemberTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TransfersCommit_EveryMemberStoresTheSameChain_FollowersPointToTheLeader()
    {
        await using var cluster = TestCluster.Create(members: 3, senders: 3);
        await cluster.StartAllAsync();

        var transfers = Enumerable.Range(0, 30).Select(i => cluster.Transfer(i % 3)).ToList();
        var result = await cluster.SubmitToLeaderAsync(transfers, Deadline);
        Assert.Equal(30, result.Outcomes.Count(o => o.Code == ResultCode.Ok));
        int leaderIndex = await cluster.WaitForLeaderAsync(Deadline);
        var leader = cluster.Nodes[leaderIndex]!;
        ulong height = result.Outcomes.Max(o => o.Height!.Value);

        await TestCluster.WaitUntilAsync(() => cluster.Running.All(n => n.Head.Height >= height), Deadline, "every member has the block");
        await TestCluster.WaitUntilAsync(() => cluster.Running.All(n => n.Cluster.IndexLag == 0), Deadline, "every member applied all it knows committed");
        var hashes = cluster.Running.Select(n => n.ReadBlock(height)!.Header.Hash()).Distinct().ToList();
        Assert.Single(hashes);
        Assert.Single(cluster.Running.Select(n => n.ReadBlock(height)!.Header.StateRoot).Distinct());
        Assert.All(cluster.Running, n => Assert.Contains(n.ReadSignatures(height), s => s.Validator == n.Validator));
        var signers = cluster.Running.SelectMany(n => n.ReadSignatures(height)).Select(s => s.Validator).Distinct().ToList();
        Assert.Equal(3, signers.Count);
        var followerSignature = cluster.Nodes[(leaderIndex + 1) % 3]!.ReadSignatures(height).Single(s => s.Validator != leader.Validator);
        Assert.Equal(SignatureAcceptance.Ok, leader.AddSignature(height, followerSignature));
        Assert.Equal(2, leader.ReadSignatures(height).Length);
        var tampered = followerSignature with { Signature = [.. followerSignature.Signature.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b)] };
        Assert.Equal(SignatureAcceptance.BadSignature, leader.AddSignature(height, tampered));
        Assert.Equal(SignatureAcceptance.UnknownBlock, leader.AddSignature(height + 10_000, followerSignature));

        var follower = cluster.Nodes[(leaderIndex + 1) % 3]!;
        var refused = await follower.SubmitAsync([cluster.Transfer(0)], wait: true, Deadline, CancellationToken.None);
        Assert.Equal(SubmitStatus.NotLeader, refused.Status);
        Assert.Equal(cluster.Members[leaderIndex].ApiUrl, follower.Cluster.LeaderApiUrl);
        Assert.Equal("follower", follower.Cluster.Role);
        Assert.Equal(3, follower.Cluster.MemberApiUrls.Length);
    }

    [Fact]
    public async Task BadSignature_IsRefused_AndChangesNothing()
    {
        await using var cluster = TestCluster.Create(members: 3, senders: 2);
        await cluster.StartAllAsync();
        var good = cluster.Transfer(0);
        var signature = good.Signature.ToArray();
        signature[0] ^= 1;
        var forged = new SignedTransaction(good.Body, good.Signer, signature);

        var result = await cluster.SubmitToLeaderAsync([forged], Deadline);

        Assert.Equal(ResultCode.BadSignature, result.Outcomes[0].Code);
        Assert.All(cluster.Running, n => Assert.Equal(0, n.MempoolSize));
        Assert.All(cluster.Running, n => Assert.Equal(0UL, n.Read(s => s.Find(cluster.Senders[0].Address)?.Nonce ?? 0)));
        var after = await cluster.SubmitToLeaderAsync([good], Deadline);
        Assert.Equal(ResultCode.Ok, after.Outcomes[0].Code);
    }

    [Fact]
    public async Task ALeaderThatProposesAForgedTransfer_IsNotFollowed_AndTheForgeryNeverAppliesOnAFollower()
    {
        var logs = new CollectingLoggerFactory(Microsoft.Extensions.Logging.LogLevel.Critical);
        await using var cluster = TestCluster.Create(members: 3, senders: 2, configure: o => o with { Logging = logs });
        await cluster.StartAllAsync();
        int leaderIndex = await cluster.WaitForLeaderAsync(Deadline);
        var leader = cluster.Nodes[leaderIndex]!;
        var honest = await cluster.SubmitToLeaderAsync([cluster.Transfer(0)], Deadline);
        ulong honestHeight = honest.Outcomes[0].Height!.Value;
        await TestCluster.WaitUntilAsync(() => cluster.Running.All(n => n.Head.Height >= honestHeight), Deadline, "every member has the honest block");
        var victim = cluster.Senders[1].Address;

        // A transfer from sender 1 with a signature sender 1 never made.
        var genuine = cluster.Transfer(1);
        var signature = genuine.Signature.ToArray();
        signature[^1] ^= 0x10;
        var forged = new SignedTransaction(genuine.Body, genuine.Signer, signature);
        Assert.False(forged.VerifySignature());
        leader.AdmitWithoutCheckingForTests(forged);

        // The leader applies its own block (it proposed it); the followers check every signature and refuse it. On a
        // machine loaded by other work leadership may move before the lie is proposed: then the new leader tells it.
        await TestCluster.WaitUntilAsync(() =>
        {
            if (leader.Read(s => s.Find(victim)?.Nonce ?? 0) == 1) return true;
            if (!leader.Cluster.IsLeader && cluster.Running.FirstOrDefault(n => n.Cluster.IsLeader) is { } successor)
            {
                leader = successor;
                leader.AdmitWithoutCheckingForTests(forged);
            }

            return false;
        }, TimeSpan.FromSeconds(60), "the lying leader applies its own block");
        ulong forgedHeight = leader.Head.Height;
        while (leader.ReadBlock(forgedHeight) is { } block && !block.Transactions.Any(t => t.Id == forged.Id)) forgedHeight--;
        await TestCluster.WaitUntilAsync(
            () => logs.Lines.Count(l => l.Contains($"committed block {forgedHeight} does not apply here (BadSignature)", StringComparison.Ordinal)) >= 2,
            TimeSpan.FromSeconds(60), "both followers refuse the forged block");
        await Task.Delay(500);
        foreach (var follower in cluster.Running.Where(n => !ReferenceEquals(n, leader)))
        {
            Assert.True(follower.Head.Height < forgedHeight, $"a follower applied block {forgedHeight}: head {follower.Head.Height}");
            Assert.Null(follower.ReadBlock(forgedHeight));
            Assert.Equal(0UL, follower.Read(s => s.Find(victim)?.Nonce ?? 0));
        }
    }

    [Fact]
    public async Task LeaderFailure_UnderLoad_NewLeaderCommits_NothingAcknowledgedIsLost_OldLeaderCatchesUp()
    {
        await using var cluster = TestCluster.Create(members: 3, senders: 4);
        await cluster.StartAllAsync();
        int oldLeader = await cluster.WaitForLeaderAsync(Deadline);
        var acknowledged = new ConcurrentBag<(Hash32 Id, ulong Height)>();
        var refusals = new ConcurrentBag<ResultCode>();
        using var stopLoad = new CancellationTokenSource();
        var load = Enumerable.Range(0, cluster.Senders.Length).Select(sender => Task.Run(() => SendAsync(cluster, sender, acknowledged, refusals, stopLoad.Token))).ToList();

        await TestCluster.WaitUntilAsync(() => acknowledged.Count >= 20, Deadline, "the load commits");
        var clock = Stopwatch.StartNew();
        await cluster.StopAsync(oldLeader);
        var survivors = cluster.Running.ToList();
        await TestCluster.WaitUntilAsync(
            () => survivors.Any(n => n.Cluster.IsLeader && n.ReadBlock(n.Head.Height)?.Header.Proposer == n.Validator),
            Deadline, "a new leader commits a block");
        var failover = clock.Elapsed;
        output.WriteLine($"new leader committed {failover.TotalMilliseconds:F0} ms after the old leader began to stop");

        int before = acknowledged.Count;
        await TestCluster.WaitUntilAsync(() => acknowledged.Count >= before + 20, Deadline, "the load commits on the new leader");
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);
        Assert.Empty(refusals);

        ulong top = acknowledged.Max(a => a.Height);
        await TestCluster.WaitUntilAsync(() => survivors.All(n => n.Head.Height >= top), Deadline, "the survivors hold every acknowledged block");
        foreach (var (id, height) in acknowledged)
        {
            foreach (var node in survivors) Assert.Contains(node.ReadBlock(height)!.Transactions, t => t.Id == id);
        }

        var restarted = await cluster.StartAsync(oldLeader);
        ulong target = survivors.Max(n => n.Head.Height);
        await TestCluster.WaitUntilAsync(() => restarted.Head.Height >= target, Deadline, "the old leader catches up");
        Assert.Equal(survivors[0].ReadBlock(target)!.Header.Hash(), restarted.ReadBlock(target)!.Header.Hash());
        Assert.Equal(restarted.Head.StateRoot, restarted.Read(s => s.ComputeRoot()));
    }

    /// <summary>Sends transfers one at a time to whichever member leads, retrying the same transaction until it is final.</summary>
    private static async Task SendAsync(TestCluster cluster, int sender, ConcurrentBag<(Hash32, ulong)> acknowledged, ConcurrentBag<ResultCode> refusals, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            SignedTransaction tx;
            lock (cluster) tx = cluster.Transfer(sender);
            while (true)
            {
                var leader = cluster.Running.FirstOrDefault(n => n.Cluster.IsLeader);
                SubmitResult? result = null;
                if (leader is not null)
                {
                    try
                    {
                        result = await leader.SubmitAsync([tx], wait: true, TimeSpan.FromSeconds(2), CancellationToken.None);
                    }
                    catch (ObjectDisposedException)
                    {
                        // the leader stopped under us: retry at the next one
                    }
                }

                var outcome = result is { Status: SubmitStatus.Accepted } ? result.Outcomes[0] : null;
                if (outcome is { IsPending: false })
                {
                    if (outcome.Code == ResultCode.Ok) acknowledged.Add((tx.Id, outcome.Height!.Value));
                    else refusals.Add(outcome.Code);
                    break;
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }
    }
}
