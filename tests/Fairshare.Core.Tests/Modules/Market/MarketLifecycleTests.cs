using Fairshare.Core.Ledger;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>Jobs through their whole lives on a chain: settlement's exact flows, disputes, slashes, deadlines and refunds.</summary>
public sealed class MarketLifecycleTests
{
    private static readonly Address Escrow = MarketStore.EscrowAccount;

    [Fact]
    public void ASpotCheckedJob_PaysEachSlotItsPriceLessTheFee_BurnsAFifthOfTheFee_AndRefundsTheRest()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest);
        var treasury = m.State.Params.Treasury;
        var supply = m.State.FindAsset(AssetId.Fsh)!.Supply;
        var (client, treasuryBefore) = (m.Balance("client-0"), m.Balance(treasury));
        var (alpha, beta) = (m.Balance("alpha"), m.Balance("beta"));
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck));
        var events = m.RunToEnd();

        var job = m.Job(1);
        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(MarketHarness.Truth(job.Spec), job.AcceptedOutput);
        // alpha (price 10) ran it; on probation it was checked by beta (11); 10 work units each, cap 100, two executions.
        Assert.Equal([(SlotRole.Primary, "alpha"), (SlotRole.Checker, "beta")], job.Slots.Select((s, i) => (s.Role, m.Holder(1, i))));
        Assert.Equal(new Amount(2_000), job.Locked);
        Assert.Equal(new Amount(210), job.Paid);
        Assert.Equal(new Amount(1_790), job.Refunded);
        Assert.Equal(Amount.Zero, job.Escrow);
        // Fees: 5 % of 100 is 5 (1 burned, 4 to the treasury); of 110, 5 (1 burned, 4 to the treasury).
        Assert.Equal(alpha + new Amount(95) - TestChain.MinFee * new Amount(2), m.Balance("alpha"));
        Assert.Equal(beta + new Amount(105) - TestChain.MinFee * new Amount(2), m.Balance("beta"));
        Assert.Equal(supply - new Amount(2), m.State.FindAsset(AssetId.Fsh)!.Supply);
        Assert.Equal(new Amount(2), Sum(events.Where(e => e.Tag == FlowTag.ProtocolFee && e.To == default)));
        Assert.Equal(new Amount(8), Sum(events.Where(e => e.Tag == FlowTag.ProtocolFee && e.To == treasury)));
        Assert.Equal(treasuryBefore + new Amount(8) + Sum(events.Where(e => e.Tag == FlowTag.TxFee && e.To == treasury)), m.Balance(treasury));
        Assert.Equal(client - new Amount(210) - TestChain.MinFee, m.Balance("client-0"));
        Assert.Equal(Amount.Zero, m.Balance(Escrow));
        Assert.All(MarketChain.Names, n => Assert.Equal(0, m.Provider(n).OpenSlots));
        Assert.Equal(1ul, m.Provider("alpha").Stats.Verified);
        Assert.Equal(1ul, m.Provider("beta").Stats.Verified);
    }

    [Fact]
    public void ACanaryWithAWrongOutput_IsDisputed_TheLiarIsSlashedAndJailed_ArbitersPaidFromTheSlash_ClientRefunded()
    {
        var m = MarketChain.Create(n => n == "alpha" ? ProviderBehaviour.Cheater : ProviderBehaviour.Honest);
        var treasury = m.State.Params.Treasury;
        var client = m.Balance("client-0");
        m.Harness.SubmitCanary("client-0", MarketHarness.Spec(VerificationPolicy.Canary));
        var events = m.RunToEnd();

        var job = m.Job(1);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal([SlotRole.Primary, SlotRole.Arbiter, SlotRole.Arbiter, SlotRole.Arbiter], job.Slots.Select(s => s.Role));
        Assert.True(job.ExpectedRevealed);
        Assert.Equal(Amount.Zero, job.Paid);
        Assert.Equal(job.Locked, job.Refunded);
        Assert.Equal(client - TestChain.MinFee * new Amount(2), m.Balance("client-0"));

        var liar = m.Provider("alpha");
        Assert.Equal(1ul, liar.Stats.Faults);
        Assert.True(liar.Stats.IsJailedAt(m.Height + 1));
        var slash = MarketHarness.Bond / new Amount(10);
        Assert.Equal(MarketHarness.Bond - slash, StakingModule.SelfBonded(m.State, m.Address("alpha")));
        Assert.Contains(events, e => e.Tag == FlowTag.Slash && e.From == StakingStore.BondedAccount(m.Address("alpha")) && e.To == MarketStore.DisputeAccount && e.Amount == slash);
        // Each arbiter (beta, gamma, delta: 11, 12, 13 per unit × 10) is paid its price from the slash, the rest goes to the treasury.
        var arbiterPay = events.Where(e => e.Tag == FlowTag.JobPayment && e.From == MarketStore.DisputeAccount).ToList();
        Assert.Equal([new Amount(110), new Amount(120), new Amount(130)], arbiterPay.Select(e => e.Amount).Order());
        Assert.Contains(events, e => e.Tag == FlowTag.Slash && e.From == MarketStore.DisputeAccount && e.To == treasury && e.Amount == slash - new Amount(360));
        Assert.Equal(Amount.Zero, m.Balance(MarketStore.DisputeAccount));
        Assert.DoesNotContain(events, e => e.Tag == FlowTag.JobPayment && e.To == m.Address("alpha"));

        // Jailed: the next job goes to beta though alpha is cheaper.
        ulong next = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 2));
        Assert.Equal("beta", m.Holder(next, 0));
    }

    [Fact]
    public void AMissedDeadline_IsSlashedAndReassigned_AndTheClientPaysOnlyForDeliveredWork()
    {
        var m = MarketChain.Create(n => n == "alpha" ? ProviderBehaviour.Slow : ProviderBehaviour.Honest, p => p with { ProbationJobs = 0, SpotCheckPpm = 0 });
        var treasury = m.State.Params.Treasury;
        var (client, treasuryBefore) = (m.Balance("client-0"), m.Balance(treasury));
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck, deadlineBlocks: 3));
        var events = m.RunToEnd();

        var job = m.Job(1);
        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal([(SlotRole.Primary, SlotStatus.Replaced, "alpha"), (SlotRole.Primary, SlotStatus.Revealed, "beta")],
            job.Slots.Select((s, i) => (s.Role, s.Status, m.Holder(1, i))));
        Assert.Equal(1, job.Reassignments);
        Assert.Equal(job.Slots[0].AssignedHeight + 3, job.Slots[1].AssignedHeight);
        Assert.Equal(new Amount(110), job.Paid);
        Assert.Equal(client - new Amount(110) - TestChain.MinFee, m.Balance("client-0"));
        var smallSlash = MarketHarness.Bond / new Amount(100);
        Assert.Contains(events, e => e.Tag == FlowTag.Slash && e.From == StakingStore.BondedAccount(m.Address("alpha")) && e.To == treasury && e.Amount == smallSlash);
        Assert.DoesNotContain(events, e => e.Tag == FlowTag.JobPayment && e.To == m.Address("alpha"));
        Assert.Equal(1ul, m.Provider("alpha").Stats.Missed);
        Assert.Equal(1_000_000u / 3, m.Provider("alpha").Stats.ReputationPpm);
        Assert.Equal(0, m.Provider("alpha").OpenSlots);
        Assert.Equal(treasuryBefore + smallSlash + Sum(events.Where(e => e.To == treasury && e.Tag != FlowTag.Slash)), m.Balance(treasury));
    }

    [Fact]
    public void WhenNoReassignmentIsLeft_AMissedJobFails_AndIsRefundedInFull()
    {
        var m = MarketChain.Create(n => n == "alpha" ? ProviderBehaviour.Slow : ProviderBehaviour.Honest, p => p with { MaxReassignments = 0 });
        var client = m.Balance("client-0");
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.Replicate, 2, deadlineBlocks: 2));
        m.RunToEnd(10);
        var job = m.Job(1);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(SlotStatus.Missed, job.Slots[0].Status);
        Assert.Equal(SlotStatus.Committed, job.Slots[1].Status);
        Assert.Equal(job.Locked, job.Refunded);
        Assert.Equal(client - TestChain.MinFee, m.Balance("client-0"));
        Assert.All(MarketChain.Names, n => Assert.Equal(0, m.Provider(n).OpenSlots));
    }

    [Fact]
    public void AReplicaThatLies_IsOutvoted_TheHonestReplicaIsPaid_AndTheJobSettlesOnTheMajorityOutput()
    {
        var m = MarketChain.Create(n => n == "beta" ? ProviderBehaviour.Cheater : ProviderBehaviour.Honest);
        m.Harness.Submit("client-0", MarketHarness.Spec(VerificationPolicy.Replicate, 2));
        m.RunToEnd();
        var job = m.Job(1);
        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(MarketHarness.Truth(job.Spec), job.AcceptedOutput);
        Assert.Equal(new Amount(100), job.Paid);
        Assert.Equal(1ul, m.Provider("beta").Stats.Faults);
        Assert.Equal(0ul, m.Provider("alpha").Stats.Faults);
        Assert.Equal([0b01u, 0b01u, 0b01u], job.Slots.Where(s => s.Role == SlotRole.Arbiter).Select(s => s.AgreeMask));
    }

    [Fact]
    public void AClientWhoRevealsAWrongAnswer_PaysTheArbitersFromItsEscrow_AndTheProviderIsPaid()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest);
        m.Harness.SubmitCanary("client-0", MarketHarness.Spec(VerificationPolicy.Canary), lie: true);
        m.RunToEnd();
        var job = m.Job(1);
        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(MarketHarness.Truth(job.Spec), job.AcceptedOutput);
        // Primary alpha 100; arbiters beta, gamma, delta 110 + 120 + 130 = 360, from the 900 the escrow has left.
        Assert.Equal(new Amount(460), job.Paid);
        Assert.All(MarketChain.Names, n => Assert.Equal(0ul, m.Provider(n).Stats.Faults));
    }

    [Fact]
    public void Cancel_RefundsAnUnmatchedJobInFull()
    {
        var m = MarketChain.Create();
        var client = m.Balance("client-0");
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck) with { MinMemoryMb = 1_000_000 });
        Assert.Equal(JobState.Open, m.Job(id).State);
        Assert.Equal(new Amount(2_000), m.Balance(Escrow));
        m.Ok(("client-0", new MarketCancelJobPayload(id)));
        Assert.Equal(JobState.Cancelled, m.Job(id).State);
        Assert.Equal(client - TestChain.MinFee * new Amount(2), m.Balance("client-0"));
        Assert.Equal(Amount.Zero, m.Balance(Escrow));
        Assert.Empty(MarketStore.ActiveJobIds(m.State));
    }

    [Fact]
    public void OnlyFreshRegisteredUnjailedBondedProvidersWithRoomGetSlots()
    {
        var m = MarketChain.Create(parameters: p => p with { HeartbeatTimeoutBlocks = 5 });
        m.Ok(("alpha", new MarketDeregisterPayload()), ("beta", new StakeUnbondPayload(m.Address("beta"), MarketHarness.Fsh(950))));
        m.Blocks(4);
        m.Ok(("delta", new MarketHeartbeatPayload()), ("epsilon", new MarketHeartbeatPayload()));
        // alpha deregistered, beta below the minimum self-bond, gamma's heartbeat is 6 blocks old: delta is the cheapest left.
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck));
        Assert.Equal("delta", m.Holder(id, 0));
        for (int i = 0; i < 3; i++) m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)(10 + i)));
        Assert.Equal(4, m.Provider("delta").OpenSlots);
        ulong full = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 20));
        Assert.Equal("epsilon", m.Holder(full, 0));
        // A job a provider could take under no policy stays open, and a replicated job waits for all its replicas at once.
        ulong tooBig = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, 3, input: 21));
        Assert.Equal(JobState.Open, m.Job(tooBig).State);
        Assert.Empty(m.Job(tooBig).Slots);
    }

    private static Amount Sum(IEnumerable<LedgerEvent> events) => events.Aggregate(Amount.Zero, (sum, e) => sum + e.Amount);
}
