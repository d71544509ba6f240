using Fairshare.Core.Ledger;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// Disputes and known-answer jobs decided vote by vote, every transaction sent by hand (docs/modules/market.md,
/// "Disputes"): a liar is the executor with more disagreeing than agreeing votes, a tie is no liar; an honest arbiter's
/// every vote matches the verdict; arbiters are paid from the liar's slash (not the escrow) when there is one, else from
/// the escrow; a dispute nobody can judge fails; a canary settles on a matching answer, at once when its window is zero,
/// and its client may reveal exactly until the window's last block.
/// </summary>
public sealed class DisputeResolutionTests
{
    private static readonly Hash32 Truth = Hash32.Compute("truth"u8);
    private static readonly Hash32 Wrong = Hash32.Compute("wrong"u8);
    private static readonly Hash32 Other = Hash32.Compute("a third answer"u8);

    [Fact]
    public void ThreeArbiters_OneLiar_TheArbiterWhoseVotesMissTheVerdict_IsNeitherPaidNorCredited()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        var treasury = m.State.Params.Treasury;
        ulong id = DisputedReplication(m);
        var job = m.Job(id);
        Assert.Equal(JobState.Disputed, job.State);
        Assert.Equal(["gamma", "delta", "epsilon"], Enumerable.Range(2, 3).Select(i => m.Holder(id, i)));

        // The arbiters commit in three blocks: the round's reveals open with the last commitment, and every arbiter then
        // has the full deadline from that block (an early one is not late because another committed late).
        ulong assigned = job.Slots[2].AssignedHeight;
        Assert.All(job.Slots.Skip(2), s => Assert.Equal(assigned + 10, s.DeadlineHeight));
        m.Ok(("gamma", m.Commit(id, 2, Truth, MarketChain.Salt(2))));
        m.Ok(("delta", m.Commit(id, 3, Truth, MarketChain.Salt(3))));
        Assert.All(m.Job(id).Slots.Skip(2), s => Assert.Equal(assigned + 10, s.DeadlineHeight));
        m.Ok(("epsilon", m.Commit(id, 4, Other, MarketChain.Salt(4))));
        Assert.All(m.Job(id).Slots.Skip(2), s => Assert.Equal(m.Height + 10, s.DeadlineHeight));
        Assert.Equal([job.Slots[0].DeadlineHeight, job.Slots[1].DeadlineHeight], m.Job(id).Slots.Take(2).Select(s => s.DeadlineHeight));

        // gamma and delta side with slot 0 (alpha) against slot 1 (beta); epsilon agrees with neither.
        var events = m.EndBlockEvents(
            ("gamma", new MarketRevealPayload(id, 2, Truth, MarketChain.Salt(2), 0b01)),
            ("delta", new MarketRevealPayload(id, 3, Truth, MarketChain.Salt(3), 0b01)),
            ("epsilon", new MarketRevealPayload(id, 4, Other, MarketChain.Salt(4), 0)));
        job = m.Job(id);

        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(Truth, job.AcceptedOutput);
        Assert.Equal(m.Height, job.ClosedHeight);
        // alpha (10 per unit × 10 units) is paid its price less the 5 % fee; beta lied: slashed 10 %, a fault, jailed
        // for exactly market.jail-blocks (1,000) from this block.
        Assert.Equal(new Amount(100), job.Slots[0].Paid);
        Assert.Equal(new Amount(95), job.Slots[0].Earned);
        var beta = m.Provider("beta");
        Assert.Equal(1ul, beta.Stats.Faults);
        Assert.Equal(m.Height + 1_000, beta.Stats.JailedUntil);
        Assert.True(beta.Stats.IsJailedAt(m.Height + 999));
        Assert.False(beta.Stats.IsJailedAt(m.Height + 1_000));
        Assert.Equal(MarketHarness.Bond / new Amount(10), job.Slots[1].Slashed);
        Assert.Equal(Amount.Zero, job.Slots[1].Earned);

        // gamma and delta (12 and 13 per unit) are paid in full from beta's slash, which the escrow never touches;
        // epsilon gets nothing and no verified slot.
        Assert.Equal((new Amount(120), Amount.Zero), (job.Slots[2].Earned, job.Slots[2].Paid));
        Assert.Equal((new Amount(130), Amount.Zero), (job.Slots[3].Earned, job.Slots[3].Paid));
        Assert.Equal((Amount.Zero, Amount.Zero), (job.Slots[4].Earned, job.Slots[4].Paid));
        Assert.Equal([1ul, 0ul, 1ul, 1ul, 0ul], MarketChain.Names.Select(n => m.Provider(n).Stats.Verified));
        Assert.Equal(new Amount(100), job.Paid);
        var slash = MarketHarness.Bond / new Amount(10);
        Assert.Contains(events, e => e.Tag == FlowTag.Slash && e.From == MarketStore.DisputeAccount && e.To == treasury && e.Amount == slash - new Amount(250));
        Assert.Equal(Amount.Zero, m.Balance(MarketStore.DisputeAccount));
    }

    [Fact]
    public void ATiedVote_FindsNoLiar_BothExecutorsArePaid_AndTheArbiterWhoAgreedWithBoth_IsPaidFromTheEscrow()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { DisputeArbiters = 2 });
        ulong id = DisputedReplication(m);
        Assert.Equal(["gamma", "delta"], Enumerable.Range(2, 2).Select(i => m.Holder(id, i)));
        var client = m.Balance("client-0");
        var events = m.EndBlockEvents(
            ("gamma", m.Commit(id, 2, Truth, MarketChain.Salt(2))),
            ("delta", m.Commit(id, 3, Truth, MarketChain.Salt(3))),
            ("gamma", new MarketRevealPayload(id, 2, Truth, MarketChain.Salt(2), 0b11)),
            ("delta", new MarketRevealPayload(id, 3, Truth, MarketChain.Salt(3), 0b01)));
        var job = m.Job(id);

        // Slot 1 has one vote for (gamma) and one against (delta): a tie is no lie. Nobody is slashed.
        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(Truth, job.AcceptedOutput);
        Assert.DoesNotContain(events, e => e.Tag == FlowTag.Slash);
        Assert.Equal(0ul, m.Provider("beta").Stats.Faults);
        Assert.Equal((new Amount(100), new Amount(95)), (job.Slots[0].Paid, job.Slots[0].Earned));
        Assert.Equal((new Amount(110), new Amount(105)), (job.Slots[1].Paid, job.Slots[1].Earned));
        // gamma's votes match the verdict on both slots: paid its price (120) from the escrow, which records it as paid.
        // delta voted against slot 1, which was no liar: unpaid.
        Assert.Equal((new Amount(120), new Amount(120)), (job.Slots[2].Paid, job.Slots[2].Earned));
        Assert.Equal((Amount.Zero, Amount.Zero), (job.Slots[3].Paid, job.Slots[3].Earned));
        Assert.Equal(new Amount(330), job.Paid);
        Assert.Contains(events, e => e.Tag == FlowTag.JobPayment && e.From == MarketStore.EscrowAccount && e.Amount == new Amount(120));
        // Escrow: cap 100 × 10 units × 2 executions = 2,000; 330 paid, the rest refunded.
        Assert.Equal(new Amount(1_670), job.Refunded);
        Assert.Equal(client + new Amount(1_670), m.Balance("client-0"));
        Assert.Equal([1ul, 1ul, 1ul, 0ul, 0ul], MarketChain.Names.Select(n => m.Provider(n).Stats.Verified));
    }

    [Fact]
    public void WithNothingSlashed_TheHonestArbiters_ShareWhatThereIs_ProRata()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        StakingStore.SetParams(m.State, StakingModule.Params(m.State) with { SlashWrongResultPpm = 0 });
        m.State.Commit();
        ulong id = DisputedReplication(m);
        m.Ok(
            ("gamma", m.Commit(id, 2, Truth, MarketChain.Salt(2))),
            ("delta", m.Commit(id, 3, Truth, MarketChain.Salt(3))),
            ("epsilon", m.Commit(id, 4, Truth, MarketChain.Salt(4))),
            ("gamma", new MarketRevealPayload(id, 2, Truth, MarketChain.Salt(2), 0b01)),
            ("delta", new MarketRevealPayload(id, 3, Truth, MarketChain.Salt(3), 0b01)),
            ("epsilon", new MarketRevealPayload(id, 4, Truth, MarketChain.Salt(4), 0b01)));
        var job = m.Job(id);

        // beta lied, but a zero slash rate took nothing: the arbiters' pot is empty, so each gets ⌊price × 0 / 360⌋ = 0.
        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(1ul, m.Provider("beta").Stats.Faults);
        Assert.Equal(Amount.Zero, job.Slots[1].Slashed);
        Assert.All(job.Slots.Skip(2), s => Assert.Equal(Amount.Zero, s.Earned));
        Assert.Equal(Amount.Zero, m.Balance(MarketStore.DisputeAccount));
    }

    [Fact]
    public void ADisputeNoProviderCanJudge_FailsTheJob_AndRefundsTheClient()
    {
        // A cap of 11 per unit: only alpha (10) and beta (11) fit, and both are on the job.
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        var client = m.Balance("client-0");
        ulong id = DisputedReplication(m, cap: 11);
        var job = m.Job(id);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(2, job.Slots.Length);
        Assert.Equal(Amount.Zero, job.Paid);
        Assert.Equal(new Amount(220), job.Refunded); // 11 × 10 units × 2 executions
        Assert.Equal(client - TestChain.MinFee, m.Balance("client-0"));
        Assert.Equal(0ul, m.Provider("beta").Stats.Faults);
        Assert.Empty(MarketStore.ActiveJobIds(m.State));
    }

    [Fact]
    public void ACanaryWhoseAnswerMatches_Settles_InTheBlockItsClientReveals()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { ExpectedWindowBlocks = 2 });
        var salt = MarketChain.Salt(9);
        ulong id = m.Submit(Canary(MarketCommitment.Seal(Truth, salt)));
        var reveal = new MarketRevealExpectedPayload(id, Truth, salt);

        // Before the slot revealed, the answer may not be revealed (it would tell the provider what to say).
        m.Refused("client-0", reveal, ResultCode.MarketExpectedNotOpen);
        m.Ok(("alpha", m.Commit(id, 0, Truth, MarketChain.Salt(1))), ("alpha", new MarketRevealPayload(id, 0, Truth, MarketChain.Salt(1), 0)));
        var job = m.Job(id);
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(m.Height + 2, job.ExpectedDeadline);

        // The window's last block is still in it.
        m.Blocks(1);
        m.Ok(("client-0", reveal));
        job = m.Job(id);
        Assert.Equal(job.ExpectedDeadline, m.Height);
        Assert.Equal(JobState.Settled, job.State);
        Assert.True(job.ExpectedRevealed);
        Assert.Equal(Truth, job.AcceptedOutput);
        Assert.Equal(new Amount(95), job.Slots[0].Earned);
        Assert.Equal(0ul, m.Provider("alpha").Stats.Faults);
    }

    [Fact]
    public void ACanaryAnswer_IsRevealedOnce_AndNotAfterTheWindow()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { ExpectedWindowBlocks = 2 });
        var salt = MarketChain.Salt(9);
        ulong id = m.Submit(Canary(MarketCommitment.Seal(Wrong, salt)));
        m.Ok(("alpha", m.Commit(id, 0, Truth, MarketChain.Salt(1))), ("alpha", new MarketRevealPayload(id, 0, Truth, MarketChain.Salt(1), 0)));

        // The client's (wrong) answer opens a dispute; a second reveal of it is refused.
        m.Ok(("client-0", new MarketRevealExpectedPayload(id, Wrong, salt)));
        Assert.Equal(JobState.Disputed, m.Job(id).State);
        m.Refused("client-0", new MarketRevealExpectedPayload(id, Wrong, salt), ResultCode.MarketExpectedNotOpen);

        // Another canary whose client stays silent past its window settles on the providers' answer; revealing then is refused.
        ulong late = m.Submit(Canary(MarketCommitment.Seal(Truth, salt), input: 2));
        var provider = m.Holder(late, 0);
        m.Ok((provider, m.Commit(late, 0, Truth, MarketChain.Salt(5))), (provider, new MarketRevealPayload(late, 0, Truth, MarketChain.Salt(5), 0)));
        m.Blocks(2);
        Assert.Equal(JobState.Settled, m.Job(late).State);
        Assert.False(m.Job(late).ExpectedRevealed);
        m.Refused("client-0", new MarketRevealExpectedPayload(late, Truth, salt), ResultCode.MarketExpectedNotOpen);
    }

    [Fact]
    public void WithNoWindow_ACanary_SettlesInTheBlockItsSlotRevealed()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual, p => p with { ExpectedWindowBlocks = 0 });
        ulong id = m.Submit(Canary(MarketCommitment.Seal(Truth, MarketChain.Salt(9))));
        m.Ok(("alpha", m.Commit(id, 0, Truth, MarketChain.Salt(1))), ("alpha", new MarketRevealPayload(id, 0, Truth, MarketChain.Salt(1), 0)));
        var job = m.Job(id);

        Assert.Equal(JobState.Settled, job.State);
        Assert.Equal(m.Height, job.ClosedHeight);
        Assert.False(job.ExpectedRevealed);
        Assert.Equal(Truth, job.AcceptedOutput);
    }

    /// <summary>
    /// A two-replica job (alpha slot 0, beta slot 1) where alpha reveals <see cref="Truth"/> and beta
    /// <see cref="Wrong"/>, in one block: at its end the dispute asks for arbiters.
    /// </summary>
    private static ulong DisputedReplication(MarketChain m, ulong cap = 100)
    {
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 2, cap: new Amount(cap)));
        Assert.Equal(["alpha", "beta"], Enumerable.Range(0, 2).Select(i => m.Holder(id, i)));
        m.Ok(
            ("alpha", m.Commit(id, 0, Truth, MarketChain.Salt(0))),
            ("beta", m.Commit(id, 1, Wrong, MarketChain.Salt(1))),
            ("alpha", new MarketRevealPayload(id, 0, Truth, MarketChain.Salt(0), 0)),
            ("beta", new MarketRevealPayload(id, 1, Wrong, MarketChain.Salt(1), 0)));
        return id;
    }

    private static JobSpec Canary(Hash32 seal, ulong input = 1) =>
        MarketHarness.Spec(VerificationPolicy.Canary, input: input) with { Seal = seal };
}
