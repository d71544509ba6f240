using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Fairshare.Testing;

namespace Fairshare.Node.Tests.Cluster;

/// <summary>
/// <see cref="RaftLedgerOptions.SkipEmptyBlocks"/> on one member with 50 ms blocks: an idle leader makes no block
/// over many block times, yet a transfer goes into the very next block; idle blocks still come every
/// <see cref="RaftLedgerOptions.IdleBlockInterval"/>; and an active market job keeps the blocks coming with no
/// transaction at all, so its slots miss their deadlines, are slashed and re-assigned as usual, after which the chain
/// idles again. The waits are generous; only "no block in 40 block times" leans on the clock, with an idle interval of
/// an hour.
/// </summary>
[Collection("cluster")]
public sealed class SkipEmptyBlocksTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Forty block times of the test cluster (50 ms).</summary>
    private static readonly TimeSpan ManyBlockTimes = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task AnIdleLeader_MakesNoBlock_YetATransferGoesIntoTheNextBlock()
    {
        await using var cluster = Cluster(TimeSpan.FromHours(1), senders: 2);
        var node = await StartIdleAsync(cluster);
        ulong idle = node.Head.Height;
        await Task.Delay(ManyBlockTimes);
        Assert.Equal(idle, node.Head.Height);

        var result = await node.SubmitAsync([cluster.Transfer(0)], wait: true, Deadline, CancellationToken.None);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((ResultCode.Ok, false, (ulong?)(idle + 1)), (outcome.Code, outcome.IsPending, outcome.Height));

        await Task.Delay(ManyBlockTimes);
        Assert.Equal(idle + 1, node.Head.Height);
        Assert.False(node.Read(BlockSchedule.EmptyBlockDue));
    }

    [Fact]
    public async Task WhileIdle_AnEmptyBlockStillComes_OnceEveryIdleInterval()
    {
        var interval = TimeSpan.FromSeconds(1);
        await using var cluster = Cluster(interval, senders: 1);
        var node = await StartIdleAsync(cluster);
        ulong first = node.Head.Height;
        await TestCluster.WaitUntilAsync(() => node.Head.Height >= first + 3, Deadline, "three idle blocks");

        // Without skipping they would be 50 ms apart; each came an idle interval after the one before (less the
        // moment a proposal takes).
        for (ulong h = first + 1; h <= first + 3; h++)
        {
            var block = node.ReadBlock(h)!;
            Assert.Empty(block.Transactions);
            ulong gap = block.Header.TimestampMs - node.ReadBlock(h - 1)!.Header.TimestampMs;
            Assert.True(gap >= (ulong)interval.TotalMilliseconds / 2, $"block {h} came {gap} ms after the one before");
        }
    }

    [Fact]
    public async Task AnActiveJob_KeepsBlocksComing_ItsMissedSlotsAreSlashedAndReassigned_ThenTheChainIdlesAgain()
    {
        await using var cluster = Cluster(TimeSpan.FromHours(1), senders: 3);
        var node = await StartIdleAsync(cluster);

        // Senders 0 and 1 bond and register as providers but never run a slot; sender 2 is the client.
        var offer = new ProviderOffer(DeviceClass.Gpu, 24_576, 1_000, new Amount(10), 4, "eu-west", 200, 50, "test GPU");
        var setup = Enumerable.Range(0, 2).SelectMany(p => new[]
        {
            cluster.Sign(p, new StakeSelfBondPayload(new Amount(200) * Units.OneFsh, 0)),
            cluster.Sign(p, new MarketRegisterPayload(offer)),
        }).ToList();
        var registered = await node.SubmitAsync(setup, wait: true, Deadline, CancellationToken.None);
        Assert.All(registered.Outcomes, o => Assert.Equal(ResultCode.Ok, o.Code));
        var bonded = node.Read(s => Enumerable.Range(0, 2).Select(p => StakingModule.SelfBonded(s, cluster.Senders[p].Address)).ToList());
        ulong idle = node.Head.Height;
        await Task.Delay(ManyBlockTimes);
        Assert.Equal(idle, node.Head.Height);

        const uint deadlineBlocks = 3;
        var submitted = await node.SubmitAsync([cluster.Sign(2, new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.SpotCheck, deadlineBlocks: deadlineBlocks)))],
            wait: true, Deadline, CancellationToken.None);
        var outcome = Assert.Single(submitted.Outcomes);
        Assert.Equal(ResultCode.Ok, outcome.Code);
        ulong id = node.Read(s => MarketStore.Jobs(s).Single().Id);
        await TestCluster.WaitUntilAsync(() => node.Read(s => !MarketStore.Job(s, id)!.IsActive), Deadline, "the job ends without a transaction");

        var job = node.Read(s => MarketStore.Job(s, id)!);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal([SlotStatus.Replaced, SlotStatus.Missed], job.Slots.Select(s => s.Status));
        Assert.Equal(job.Slots[0].AssignedHeight + deadlineBlocks, job.Slots[1].AssignedHeight);
        Assert.Equal(job.Slots[1].DeadlineHeight, job.ClosedHeight);
        Assert.All(job.Slots, s => Assert.False(s.Slashed.IsZero));
        var after = node.Read(s => Enumerable.Range(0, 2).Select(p => (StakingModule.SelfBonded(s, cluster.Senders[p].Address), MarketStore.Provider(s, cluster.Senders[p].Address)!.Stats.Missed)).ToList());
        for (int p = 0; p < 2; p++) Assert.Equal((bonded[p] - job.Slots.Single(s => s.Provider == cluster.Senders[p].Address).Slashed, 1ul), after[p]);
        // The leader made the blocks between for the job alone: no transaction in any of them.
        for (ulong h = outcome.Height!.Value + 1; h <= job.ClosedHeight; h++) Assert.Empty(node.ReadBlock(h)!.Transactions);

        ulong end = node.Head.Height;
        Assert.Equal(job.ClosedHeight, end);
        await Task.Delay(ManyBlockTimes);
        Assert.Equal(end, node.Head.Height);
    }

    /// <summary>One member, skipping on, on a genesis whose founder's vesting ends at block 1.</summary>
    private static TestCluster Cluster(TimeSpan idleInterval, int senders) =>
        TestCluster.Create(1, senders, o => o with { SkipEmptyBlocks = true, IdleBlockInterval = idleInterval },
            TestChain.CreateGenesis(vestingCliff: 0, vestingDuration: 1));

    /// <summary>Starts the member and waits until it leads and has made block 1 (the vesting is due for it); then nothing is due.</summary>
    private static async Task<RaftLedgerService> StartIdleAsync(TestCluster cluster)
    {
        var node = await cluster.StartAsync(0);
        await cluster.WaitForLeaderAsync(Deadline);
        await TestCluster.WaitUntilAsync(() => node.Head.Height >= 1, Deadline, "block 1, due for the founder's vesting");
        Assert.Equal(BlockDue.Nothing, node.Read(BlockSchedule.DueBecause));
        return node;
    }
}
