using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// The compute market's transaction handlers and its end-of-block step (design §5, <c>docs/modules/market.md</c>).
/// Providers register offers backed by their self-bond; clients submit jobs and lock escrow; the end of each block
/// matches, draws spot checks, judges revealed rounds, runs disputes, settles, refunds and enforces deadlines.
/// Providers commit and reveal; clients cancel unmatched jobs and reveal canary answers. Every movement of value goes
/// through <see cref="TxContext"/> with its flow tag.
/// </summary>
public static class MarketModule
{
    /// <summary>Registers (or replaces) the sender's offer; refused below <c>stake.min-self-bond</c>. Counts as a heartbeat.</summary>
    public static ResultCode Register(TxContext context, ProviderOffer offer)
    {
        if (!offer.IsValid) return ResultCode.MarketBadOffer;
        var state = context.State;
        var sender = context.Sender.Address;
        if (StakingModule.SelfBonded(state, sender) < StakingModule.Params(state).MinSelfBond) return ResultCode.MarketInsufficientSelfBond;
        var existing = MarketStore.Provider(state, sender);
        var stats = (existing?.Stats ?? ProviderStats.Empty) with { LastHeartbeat = context.Height };
        MarketStore.PutProvider(state, new ProviderRecord(sender, offer, stats, true, existing?.OpenSlots ?? 0));
        return ResultCode.Ok;
    }

    /// <summary>Records the sender's liveness at this block.</summary>
    public static ResultCode Heartbeat(TxContext context)
    {
        var state = context.State;
        if (MarketStore.Provider(state, context.Sender.Address) is not { Registered: true } provider) return ResultCode.MarketNotRegistered;
        MarketStore.PutProvider(state, provider with { Stats = provider.Stats with { LastHeartbeat = context.Height } });
        return ResultCode.Ok;
    }

    /// <summary>Stops new slots for the sender; its pending slots must still be finished.</summary>
    public static ResultCode Deregister(TxContext context)
    {
        var state = context.State;
        if (MarketStore.Provider(state, context.Sender.Address) is not { Registered: true } provider) return ResultCode.MarketNotRegistered;
        MarketStore.PutProvider(state, provider with { Registered = false });
        return ResultCode.Ok;
    }

    /// <summary>
    /// Takes a job and locks its escrow, cap × work units × <see cref="JobSpec.MaxExecutions"/>, from the sender into
    /// <see cref="MarketStore.EscrowAccount"/> (<see cref="FlowTag.Escrow"/>). The end of the block starts matching it.
    /// </summary>
    public static ResultCode SubmitJob(TxContext context, JobSpec spec)
    {
        if (!spec.IsValid) return ResultCode.MarketBadJobSpec;
        if (!spec.ReplicasFit) return ResultCode.MarketBadReplicas;
        if (!spec.TryEscrow(out var escrow)) return ResultCode.AmountOverflow;
        var state = context.State;
        var client = context.Sender.Address;
        var code = context.Move(client, MarketStore.EscrowAccount, AssetId.Fsh, escrow, FlowTag.Escrow);
        if (code != ResultCode.Ok) return code;
        ulong id = MarketStore.NewJobId(state);
        MarketStore.PutJob(state, new Job(
            id, client, spec, JobState.Open, [], escrow, Amount.Zero, Amount.Zero, default, context.Height, 0, 0, SpotDraw.NotDrawn, 0, 0, false, default));
        return ResultCode.Ok;
    }

    /// <summary>
    /// The slot's provider commits SHA-256(output ‖ salt ‖ provider). A spot check's primary commitment schedules the
    /// draw for the next block's end; the round's last commitment opens its reveals.
    /// </summary>
    public static ResultCode Commit(TxContext context, ulong jobId, byte slotIndex, Hash32 commitment)
    {
        var code = FindSlot(context, jobId, slotIndex, out var job, out var slot);
        if (code != ResultCode.Ok) return code;
        if (slot.Status != SlotStatus.Assigned) return ResultCode.MarketSlotNotAssigned;
        job = job.WithSlot(slotIndex, slot with { Status = SlotStatus.Committed, Commitment = commitment });
        if (job.Spec.Policy == VerificationPolicy.SpotCheck && slot.Role == SlotRole.Primary && job.Draw == SpotDraw.NotDrawn)
            job = job with { DrawHeight = context.Height + 1 };
        MarketStore.PutJob(context.State, ExtendDeadlinesIfRevealsOpen(job, context.Height));
        return ResultCode.Ok;
    }

    /// <summary>
    /// The slot's provider reveals its output hash and salt, once its whole round has committed; they must hash to its
    /// commitment. Only an arbiter sends an agree mask (bit i: slot i's output agrees with its own).
    /// </summary>
    public static ResultCode Reveal(TxContext context, ulong jobId, byte slotIndex, Hash32 outputHash, Hash32 salt, uint agreeMask)
    {
        var code = FindSlot(context, jobId, slotIndex, out var job, out var slot);
        if (code != ResultCode.Ok) return code;
        if (slot.Status != SlotStatus.Committed) return ResultCode.MarketSlotNotCommitted;
        if (!job.RevealOpen(slotIndex)) return ResultCode.MarketRevealNotOpen;
        if (MarketCommitment.Compute(outputHash, salt, slot.Provider) != slot.Commitment) return ResultCode.MarketCommitmentMismatch;
        if (agreeMask != 0 && (slot.Role != SlotRole.Arbiter || agreeMask >> job.Slots.Length != 0)) return ResultCode.MarketBadAgreeMask;
        var state = context.State;
        MarketStore.PutJob(state, job.WithSlot(slotIndex, slot with { Status = SlotStatus.Revealed, OutputHash = outputHash, AgreeMask = agreeMask }));
        var provider = MarketStore.Provider(state, slot.Provider)!;
        MarketStore.PutProvider(state, provider with { OpenSlots = (ushort)(provider.OpenSlots - 1) });
        return ResultCode.Ok;
    }

    /// <summary>
    /// A canary's client reveals the known answer behind its seal, after every slot revealed and within
    /// <see cref="MarketParams.ExpectedWindowBlocks"/>; the end of the block settles on a match and disputes otherwise.
    /// </summary>
    public static ResultCode RevealExpected(TxContext context, ulong jobId, Hash32 expectedOutput, Hash32 salt)
    {
        if (MarketStore.Job(context.State, jobId) is not { } job) return ResultCode.MarketJobNotFound;
        if (job.Client != context.Sender.Address) return ResultCode.MarketNotJobClient;
        if (job.Spec.Policy != VerificationPolicy.Canary) return ResultCode.MarketNotCanary;
        if (job.State != JobState.Running || job.ExpectedDeadline == 0 || job.ExpectedRevealed || context.Height > job.ExpectedDeadline)
            return ResultCode.MarketExpectedNotOpen;
        if (MarketCommitment.Seal(expectedOutput, salt) != job.Spec.Seal) return ResultCode.MarketSealMismatch;
        MarketStore.PutJob(context.State, job with { ExpectedRevealed = true, ExpectedOutput = expectedOutput });
        return ResultCode.Ok;
    }

    /// <summary>The client cancels a job no slot was assigned to yet: the whole escrow comes back (<see cref="FlowTag.Refund"/>).</summary>
    public static ResultCode CancelJob(TxContext context, ulong jobId)
    {
        if (MarketStore.Job(context.State, jobId) is not { } job) return ResultCode.MarketJobNotFound;
        if (job.Client != context.Sender.Address) return ResultCode.MarketNotJobClient;
        if (job.State != JobState.Open) return ResultCode.MarketJobNotCancellable;
        var code = MarketPayouts.Refund(context, job, out job);
        if (code != ResultCode.Ok) return code;
        MarketStore.PutJob(context.State, job with { State = JobState.Cancelled, ClosedHeight = context.Height });
        return ResultCode.Ok;
    }

    /// <summary>The market's end-of-block step (in <see cref="Modules.EndBlock"/>'s steps).</summary>
    public static void EndBlock(TxContext context) => new MarketBlock(context).Run();

    /// <summary>
    /// When the job's current round has just opened its reveals, every committed slot of the round gets until
    /// <paramref name="height"/> + <see cref="JobSpec.DeadlineBlocks"/> to reveal (at least): a provider that committed
    /// early is never late because another committed late.
    /// </summary>
    internal static Job ExtendDeadlinesIfRevealsOpen(Job job, ulong height)
    {
        int first = -1;
        for (int i = 0; i < job.Slots.Length && first < 0; i++)
        {
            if (job.InCurrentRound(i) && job.Slots[i].Status == SlotStatus.Committed) first = i;
        }

        if (first < 0 || !job.RevealOpen(first)) return job;
        ulong deadline = height + job.Spec.DeadlineBlocks;
        for (int i = 0; i < job.Slots.Length; i++)
        {
            var slot = job.Slots[i];
            if (job.InCurrentRound(i) && slot.Status == SlotStatus.Committed && slot.DeadlineHeight < deadline)
                job = job.WithSlot(i, slot with { DeadlineHeight = deadline });
        }

        return job;
    }

    /// <summary>The job and slot a provider acts on: the job exists and runs, the slot exists and is the sender's.</summary>
    private static ResultCode FindSlot(TxContext context, ulong jobId, byte slotIndex, out Job job, out JobSlot slot)
    {
        job = null!;
        slot = null!;
        if (MarketStore.Job(context.State, jobId) is not { } found) return ResultCode.MarketJobNotFound;
        if (found.State is not (JobState.Running or JobState.Disputed)) return ResultCode.MarketJobNotActive;
        if (slotIndex >= found.Slots.Length) return ResultCode.MarketBadSlot;
        if (found.Slots[slotIndex].Provider != context.Sender.Address) return ResultCode.MarketNotSlotProvider;
        (job, slot) = (found, found.Slots[slotIndex]);
        return ResultCode.Ok;
    }
}
