using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Core.Tests.Modules.Governance;
using Fairshare.Core.Tests.Modules.Lending;
using Fairshare.Core.Tests.Modules.Market;
using Fairshare.Core.Tests.Modules.Staking;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Schedule;

/// <summary>
/// <see cref="BlockSchedule"/>: for each thing that waits on the height, a chain where it makes an empty block due, up
/// to the exact height where it stops; and the idle chain, where nothing is due and an empty block changes nothing but
/// the head. The test chains' founder vests over blocks 0 to 100, so a chain younger than that is due for its vesting.
/// </summary>
public sealed class BlockScheduleTests
{
    [Fact]
    public void AnIdleChain_HasNothingDue_AndItsEmptyBlocksChangeNothingButTheHead()
    {
        var chain = TestChain.Create(TestChain.CreateGenesis(vestingCliff: 0, vestingDuration: 1));
        Assert.Equal(BlockDue.Vesting, BlockSchedule.DueBecause(chain.State));
        chain.Produce();
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(chain.State));
            Assert.False(BlockSchedule.EmptyBlockDue(chain.State));
            EmptyBlockCheck.ChangesNothingButTheHead(chain);
        }
    }

    [Fact]
    public void Vesting_IsDue_UntilTheScheduleHasVestedInFull_ClaimedOrNot()
    {
        var chain = TestChain.Create();
        Assert.Equal(BlockDue.Vesting, BlockSchedule.DueBecause(chain.State));
        ProduceUntil(chain, 99);
        Assert.Equal(BlockDue.Vesting, BlockSchedule.DueBecause(chain.State));
        chain.Produce();
        // Fully vested at 100; the founder never claimed, so the escrow still holds it, but nothing waits any more.
        Assert.False(chain.State.BalanceOf(LedgerState.VestingEscrow, AssetId.Fsh).IsZero);
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(chain.State));
    }

    [Fact]
    public void AnActiveJob_IsDue_WhileItsDeadlinesPassInEmptyBlocks_UntilItFails()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { MaxReassignments = 1 });
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, deadlineBlocks: 3));
        Assert.Equal(JobState.Running, m.Job(id).State);
        int blocks = 0;
        while (m.Job(id).IsActive)
        {
            Assert.Equal(BlockDue.MarketJobs, BlockSchedule.DueBecause(m.State));
            m.Blocks(1);
            Assert.True(++blocks < 20, "the job should have failed by now");
        }

        // Nobody committed: the first slot missed and was re-assigned, the second missed too and the job failed.
        var job = m.Job(id);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal([SlotStatus.Replaced, SlotStatus.Missed], job.Slots.Select(s => s.Status));
        Assert.NotEqual(BlockDue.MarketJobs, BlockSchedule.DueBecause(m.State));
    }

    [Fact]
    public void AnOpenJobNoProviderCanTake_IsDue_MatchingIsTriedEveryBlock()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, cap: new Amount(1)));
        m.Blocks(3);
        Assert.Equal(JobState.Open, m.Job(id).State);
        Assert.Equal(BlockDue.MarketJobs, BlockSchedule.DueBecause(m.State));
    }

    [Fact]
    public void ProviderEmission_IsDue_WhileOn_AndWhileWhatAccruedWaitsForTheEpochsEnd()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { ProviderEmission = new Amount(100), EmissionEpochBlocks = 4 });
        Assert.Equal(1ul, m.Height);
        Assert.Equal(BlockDue.ProviderEmission, BlockSchedule.DueBecause(m.State));

        // Turned off mid-epoch: the accrued pot is still paid at the epoch's end, so the blocks up to it matter.
        MarketStore.SetParams(m.State, MarketStore.Params(m.State) with { ProviderEmission = Amount.Zero });
        m.State.Commit();
        Assert.Equal(new Amount(100), MarketStore.EmissionAccrued(m.State));
        Assert.Equal(BlockDue.ProviderEmission, BlockSchedule.DueBecause(m.State));
        m.Blocks(2);
        Assert.Equal(BlockDue.ProviderEmission, BlockSchedule.DueBecause(m.State));
        m.Blocks(1);
        Assert.Equal(4ul, m.Height);
        Assert.True(MarketStore.EmissionAccrued(m.State).IsZero);
        Assert.Equal(BlockDue.Vesting, BlockSchedule.DueBecause(m.State));
    }

    [Fact]
    public void AJailedProvider_IsDue_UntilItsJailEnds()
    {
        var m = MarketChain.Create(n => n == "beta" ? ProviderBehaviour.Cheater : ProviderBehaviour.Honest, p => p with { JailBlocks = 5 });
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, 2));
        m.RunToEnd();
        Assert.Equal(JobState.Settled, m.Job(id).State);
        var jailedUntil = m.Provider("beta").Stats.JailedUntil;
        Assert.Equal(m.Height + 5, jailedUntil);
        while (m.Height < jailedUntil)
        {
            Assert.Equal(BlockDue.JailedProvider, BlockSchedule.DueBecause(m.State));
            m.Harness.Step();
        }

        Assert.Equal(BlockDue.Vesting, BlockSchedule.DueBecause(m.State));
    }

    [Fact]
    public void OutstandingBorrows_AreDue_InterestAccruesPerBlock()
    {
        var l = LendingChain.Create();
        // Markets with suppliers and no borrower: no interest runs; only the founder's vesting is due.
        Assert.True(l.Chain.State.Head.Height < 100);
        Assert.Equal(BlockDue.Vesting, BlockSchedule.DueBecause(l.Chain.State));

        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, LendingChain.Units("100")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Usdf, LendingChain.Units("50")));
        Assert.Equal(BlockDue.LendingInterest, BlockSchedule.DueBecause(l.Chain.State));
        l.Blocks(3);
        Assert.Equal(BlockDue.LendingInterest, BlockSchedule.DueBecause(l.Chain.State));

        l.Ok("bob", new LendRepayPayload(AssetId.Usdf, l.Address("bob"), Amount.MaxValue));
        // The market's total may keep a few base units of rounding; nobody owes it, so no interest is awaited.
        Assert.Equal(AccountBorrow.None, LendingMarkets.Borrow(l.Chain.State, AssetId.Usdf, l.Address("bob")));
        ProduceUntil(l.Chain, 100);
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(l.Chain.State));
    }

    [Fact]
    public void AnUnbonding_IsDue_UntilItsCompletionHeight()
    {
        var s = new StakeChain();
        var alice = s.Address("alice");
        s.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(200), 500)), ("bob", new StakeDelegatePayload(alice, StakeChain.Fsh(100))));
        ProduceUntil(s.Chain, 100);
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(s.Chain.State));

        s.Ok(("bob", new StakeUnbondPayload(alice, StakeChain.Fsh(50))));
        ulong completes = s.Height + StakingParams.Default.UnbondingBlocks;
        Assert.Equal(completes, Assert.Single(StakingStore.AllUnbondings(s.Chain.State)).CompletionHeight);
        ProduceUntil(s.Chain, completes - 1);
        Assert.Equal(BlockDue.StakingUnbonding, BlockSchedule.DueBecause(s.Chain.State));
        s.Advance(1);
        // Complete but not withdrawn: withdrawing is a transaction away, no height is awaited.
        Assert.Single(StakingStore.AllUnbondings(s.Chain.State));
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(s.Chain.State));
    }

    [Fact]
    public void AnAnnouncedCommissionChange_IsDue_UntilItTakesEffect()
    {
        var s = new StakeChain();
        s.Ok(("alice", new StakeSelfBondPayload(StakeChain.Fsh(200), 500)));
        ProduceUntil(s.Chain, 100);
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(s.Chain.State));

        s.Ok(("alice", new StakeSetCommissionPayload(700)));
        ulong effective = s.Pool("alice").CommissionChangeHeight;
        Assert.Equal(s.Height + StakingParams.Default.UnbondingBlocks, effective);
        ProduceUntil(s.Chain, effective - 1);
        Assert.Equal(BlockDue.CommissionChange, BlockSchedule.DueBecause(s.Chain.State));
        s.Advance(1);
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(s.Chain.State));
    }

    [Fact]
    public void AProposal_IsDue_WhilePendingAndWhileItsVoteIsOpen_NotOnceCanceledOrOver()
    {
        var gov = new GovChain();
        ProduceUntil(gov.Chain, 100);
        gov.Ok(("alice", new GovLockPayload(GovChain.Fsh(500))), ("bob", new GovLockPayload(GovChain.Fsh(500))));
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(gov.Chain.State));

        uint id = gov.Propose("alice", GovChain.FeeSwitchOn);
        Assert.Equal(ProposalState.Pending, gov.State(id));
        Assert.Equal(BlockDue.GovernanceVote, BlockSchedule.DueBecause(gov.Chain.State));
        gov.ToVoting(id);
        Assert.Equal(ProposalState.Active, gov.State(id));
        Assert.Equal(BlockDue.GovernanceVote, BlockSchedule.DueBecause(gov.Chain.State));
        ProduceUntil(gov.Chain, gov.Proposal(id).EndBlock - 1);
        Assert.Equal(BlockDue.GovernanceVote, BlockSchedule.DueBecause(gov.Chain.State));
        gov.Advance(1);
        // The vote is over; queueing is a transaction and the timelock counts seconds.
        Assert.NotEqual(ProposalState.Active, gov.NextBlockState(id));
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(gov.Chain.State));

        uint pending = gov.Propose("bob", GovChain.FeeSwitchOn);
        Assert.Equal(BlockDue.GovernanceVote, BlockSchedule.DueBecause(gov.Chain.State));
        gov.Ok(("bob", new GovCancelPayload(pending)));
        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(gov.Chain.State));
    }

    /// <summary>Empty blocks until the head is at <paramref name="height"/> (none when it is there or past it).</summary>
    private static void ProduceUntil(TestChain chain, ulong height)
    {
        while (chain.State.Head.Height < height) chain.Produce();
    }
}
