using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// A job's rounds block by block, every provider transaction sent by hand (docs/modules/market.md): the spot-check
/// draw in the block after the primary's commitment and never for other slots or policies; deadlines that move only
/// when a round's reveals open; a drawn check that waits for a checker until the active primary's deadline; a missed
/// slot nobody can take over; the probation rate read from the active primary; the matcher's round-robin cursor.
/// </summary>
public sealed class MarketRoundTests
{
    private static readonly Hash32 Truth = Hash32.Compute("truth"u8);

    [Fact]
    public void TheSpotCheckDraw_HappensAtTheEndOfTheBlockAfterThePrimaryCommitted()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck));
        m.Ok(("alpha", m.Commit(id, 0, Truth, MarketChain.Salt(0))));
        var job = m.Job(id);
        Assert.Equal(m.Height + 1, job.DrawHeight);
        Assert.Equal(SpotDraw.NotDrawn, job.Draw);

        m.Blocks(1);
        // alpha has no verified slot: on probation every job is checked (market.probation-check-ppm = 1,000,000).
        Assert.Equal(SpotDraw.Checked, m.Job(id).Draw);
    }

    [Theory]
    [InlineData(VerificationPolicy.Replicate)]
    [InlineData(VerificationPolicy.Canary)]
    public void OnlyASpotChecksPrimary_SchedulesADraw(VerificationPolicy policy)
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        var spec = MarketHarness.Spec(policy, replicas: (byte)(policy == VerificationPolicy.Replicate ? 2 : 1));
        ulong id = m.Submit(spec);
        for (byte slot = 0; slot < m.Job(id).Slots.Length; slot++)
            m.Ok((m.Holder(id, slot), m.Commit(id, slot, Truth, MarketChain.Salt(slot))));
        var job = m.Job(id);
        Assert.Equal(0ul, job.DrawHeight);
        Assert.Equal(SpotDraw.NotDrawn, job.Draw);
    }

    [Fact]
    public void AnEarlyCommitment_KeepsItsDeadline_UntilTheRoundsLastCommitmentOpensTheReveals()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 2, deadlineBlocks: 10));
        ulong matched = m.Height;
        m.Blocks(1);
        m.Ok(("alpha", m.Commit(id, 0, Truth, MarketChain.Salt(0))));
        Assert.Equal([matched + 10, matched + 10], m.Job(id).Slots.Select(s => s.DeadlineHeight));
        m.Blocks(1);
        m.Ok(("beta", m.Commit(id, 1, Truth, MarketChain.Salt(1))));
        Assert.Equal([m.Height + 10, m.Height + 10], m.Job(id).Slots.Select(s => s.DeadlineHeight));
    }

    [Fact]
    public void ADrawnCheck_WithNoCheckerToBeHad_WaitsForTheActivePrimarysDeadline_ThenFails()
    {
        // A cap of 11 per unit admits alpha (10) and beta (11) only. alpha never commits: at its deadline beta replaces
        // it as primary. beta is on probation, so its job is checked, but the only other fitting provider (alpha) is on
        // the job already: the job waits, with beta's reveal closed, until beta's own deadline.
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        var client = m.Balance("client-0");
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, cap: new Amount(11), deadlineBlocks: 4));
        m.Blocks(4);
        var job = m.Job(id);
        Assert.Equal([(SlotStatus.Replaced, "alpha"), (SlotStatus.Assigned, "beta")], job.Slots.Select((s, i) => (s.Status, m.Holder(id, i))));
        ulong betaDeadline = job.Slots[1].DeadlineHeight;
        Assert.Equal(m.Height + 4, betaDeadline);

        m.Ok(("beta", m.Commit(id, 1, Truth, MarketChain.Salt(1))));
        m.Blocks(1);
        job = m.Job(id);
        Assert.Equal(SpotDraw.Checked, job.Draw);
        Assert.Equal(JobState.Running, job.State);
        m.Refused("beta", new MarketRevealPayload(id, 1, Truth, MarketChain.Salt(1), 0), ResultCode.MarketRevealNotOpen);
        Assert.Equal(betaDeadline - 1, m.Height);
        Assert.Equal(JobState.Running, m.Job(id).State);

        m.Blocks(1);
        job = m.Job(id);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(betaDeadline, job.ClosedHeight);
        Assert.Equal(0ul, m.Provider("beta").Stats.Missed);
        Assert.Equal(0, m.Provider("beta").OpenSlots);
        // The client paid its fee and got back everything the job locked (11 × 10 units × 2 executions).
        Assert.Equal(new Amount(220), job.Refunded);
        Assert.Equal(client - TestChain.MinFee, m.Balance("client-0"));
    }

    [Fact]
    public void AMissedSlotNobodyCanTakeOver_FailsTheJob_TheSlotMissed_TheClientRefunded()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        var client = m.Balance("client-0");
        // A cap of 10 per unit: alpha alone fits.
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, cap: new Amount(10), deadlineBlocks: 3));
        m.Blocks(3);
        var job = m.Job(id);

        Assert.Equal(JobState.Failed, job.State);
        var slot = Assert.Single(job.Slots);
        Assert.Equal(SlotStatus.Missed, slot.Status);
        Assert.Equal(0, job.Reassignments);
        Assert.Equal(MarketHarness.Bond / new Amount(100), slot.Slashed);
        Assert.Equal(1ul, m.Provider("alpha").Stats.Missed);
        Assert.Equal(0, m.Provider("alpha").OpenSlots);
        Assert.Equal(new Amount(200), job.Refunded);
        Assert.Equal(client - TestChain.MinFee, m.Balance("client-0"));
    }

    [Fact]
    public void TheCheckRate_IsTheActivePrimarys_NotThatOfTheSlotItReplaced()
    {
        // One verified slot ends probation; past it nothing is checked. beta and gamma earn theirs on a first job (whose
        // client is alpha, so alpha takes no part); alpha, still on probation, then misses the second job's primary slot.
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { ProbationJobs = 1, SpotCheckPpm = 0, ProbationCheckPpm = 1_000_000 });
        ulong first = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, cap: new Amount(12)), client: "alpha");
        Assert.Equal("beta", m.Holder(first, 0));
        m.Ok(("beta", m.Commit(first, 0, Truth, MarketChain.Salt(0))));
        m.Blocks(1);
        Assert.Equal("gamma", m.Holder(first, 1));
        m.Ok(
            ("gamma", m.Commit(first, 1, Truth, MarketChain.Salt(1))),
            ("beta", new MarketRevealPayload(first, 0, Truth, MarketChain.Salt(0), 0)),
            ("gamma", new MarketRevealPayload(first, 1, Truth, MarketChain.Salt(1), 0)));
        Assert.Equal(JobState.Settled, m.Job(first).State);
        Assert.Equal([0ul, 1ul, 1ul], MarketChain.Names.Take(3).Select(n => m.Provider(n).Stats.Verified));

        ulong second = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 2, cap: new Amount(11), deadlineBlocks: 3));
        Assert.Equal("alpha", m.Holder(second, 0));
        m.Blocks(3);
        Assert.Equal("beta", m.Holder(second, 1));
        m.Ok(("beta", m.Commit(second, 1, Truth, MarketChain.Salt(2))));
        m.Blocks(1);
        Assert.Equal(SpotDraw.Unchecked, m.Job(second).Draw);
        m.Ok(("beta", new MarketRevealPayload(second, 1, Truth, MarketChain.Salt(2), 0)));
        Assert.Equal(JobState.Settled, m.Job(second).State);
    }

    [Fact]
    public void ASlotIndexOnePastTheLast_IsABadSlot()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 2));
        m.Refused("alpha", new MarketCommitPayload(id, 2, Truth), ResultCode.MarketBadSlot);
        m.Refused("alpha", new MarketRevealPayload(id, 2, Truth, MarketChain.Salt(0), 0), ResultCode.MarketBadSlot);
    }

    [Fact]
    public void ReRegistering_KeepsTheProvidersRecord_AndCountsAsAHeartbeat()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, cap: new Amount(10), deadlineBlocks: 2));
        m.Blocks(2);
        var before = m.Provider("alpha");
        Assert.Equal(1ul, before.Stats.Missed);
        Assert.Equal(10ul, before.Stats.AssignedWorkUnits);

        var offer = m.Harness.Providers[0].Offer with { PricePerWorkUnit = new Amount(9) };
        m.Ok(("alpha", new MarketRegisterPayload(offer)));
        var after = m.Provider("alpha");
        Assert.Equal(before.Stats with { LastHeartbeat = m.Height }, after.Stats);
        Assert.Equal(offer, after.Offer);
    }

    [Fact]
    public void TheMatcher_TriesItsQuotaOfOpenJobsPerBlock_RoundRobin_WrappingAround()
    {
        // One try per block; jobs 1 and 2 want a CPU, every provider offers a GPU; job 3 fits.
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { MaxMatchesPerBlock = 1 });
        var cpu = MarketHarness.Spec(VerificationPolicy.SpotCheck) with { Device = DeviceClass.Cpu };
        m.Ok(("client-0", new MarketSubmitJobPayload(cpu)), ("client-0", new MarketSubmitJobPayload(cpu with { Input = MarketHarness.InputHash(2) })),
            ("client-0", new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 3))));
        Assert.Equal(JobState.Open, m.Job(3).State); // that block tried job 1
        m.Blocks(1);
        Assert.Equal(JobState.Open, m.Job(3).State); // job 2
        m.Blocks(1);
        Assert.Equal(JobState.Running, m.Job(3).State); // job 3

        // alpha now offers a CPU: the next try wraps round to job 1, not job 2.
        m.Ok(("alpha", new MarketRegisterPayload(m.Harness.Providers[0].Offer with { Device = DeviceClass.Cpu })));
        Assert.Equal(JobState.Running, m.Job(1).State);
        Assert.Equal(JobState.Open, m.Job(2).State);
    }

    [Fact]
    public void AssignedWork_IsCountedPerProviderAndInTotal_AndSaturates()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 2));
        m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 2));
        Assert.Equal(20ul, m.Provider("alpha").Stats.AssignedWorkUnits);
        Assert.Equal(10ul, m.Provider("beta").Stats.AssignedWorkUnits);
        Assert.Equal(30ul, MarketStore.TotalAssignedWorkUnits(m.State));

        // A record three units short of the largest count, written at its documented key (06 02 | address): the next
        // ten units stop at the largest count.
        var alpha = m.Provider("alpha");
        var nearlyFull = alpha with { Stats = alpha.Stats with { AssignedWorkUnits = ulong.MaxValue - 3 } };
        m.State.WriteRecord(StateKey.Of(ModuleIds.Market, 2, alpha.Provider), nearlyFull.Encode());
        m.State.Commit();
        m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 3));
        Assert.Equal(ulong.MaxValue, m.Provider("alpha").Stats.AssignedWorkUnits);
        Assert.Equal(40ul, MarketStore.TotalAssignedWorkUnits(m.State));
    }

    [Fact]
    public void AProviderBondedExactlyTheMinimum_RegistersAndIsMatched_OneBaseUnitLess_IsNeither()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        StakingStore.SetParams(m.State, StakingModule.Params(m.State) with { MinSelfBond = MarketHarness.Bond });
        m.State.Commit();
        var offer = m.Harness.Providers[0].Offer;
        m.Ok(("alpha", new MarketRegisterPayload(offer)));
        Assert.Equal(ProviderStatus.Available, ProviderEligibility.Status(m.State, m.Provider("alpha"), m.Height + 1));
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck));
        Assert.Equal("alpha", m.Holder(id, 0));

        StakingStore.SetParams(m.State, StakingModule.Params(m.State) with { MinSelfBond = MarketHarness.Bond + new Amount(1) });
        m.State.Commit();
        Assert.Equal(ProviderStatus.SelfBondTooLow, ProviderEligibility.Status(m.State, m.Provider("alpha"), m.Height + 1));
        m.Refused("alpha", new MarketRegisterPayload(offer), ResultCode.MarketInsufficientSelfBond);
        ulong next = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 2));
        Assert.Equal(JobState.Open, m.Job(next).State);
    }
}
