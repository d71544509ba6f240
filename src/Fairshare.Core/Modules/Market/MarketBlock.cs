using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// One end-of-block pass of the market (<see cref="MarketModule.EndBlock"/>). Running and disputed jobs first, in id
/// order: missed deadlines (slash, re-assign or fail), the spot-check draw, and a round whose slots all revealed
/// (accept and settle, wait for a canary's expected output, open a dispute, or resolve one). Then the matcher tries at
/// most <see cref="MarketParams.MaxMatchesPerBlock"/> open jobs, going round from where the last block stopped.
/// </summary>
internal sealed class MarketBlock
{
    private readonly TxContext _context;
    private readonly LedgerState _state;
    private readonly MarketParams _params;
    private readonly StakingParams _staking;
    private readonly ProviderBook _providers;
    private readonly ulong _height;

    public MarketBlock(TxContext context)
    {
        _context = context;
        _state = context.State;
        _params = MarketStore.Params(_state);
        _staking = StakingModule.Params(_state);
        _providers = new ProviderBook(context, _params);
        _height = context.Height;
    }

    /// <summary>Runs the pass; with no active job it reads one record and writes none.</summary>
    public void Run()
    {
        var open = new List<ulong>();
        foreach (ulong id in MarketStore.ActiveJobIds(_state))
        {
            var job = MarketStore.Job(_state, id)!;
            if (job.State == JobState.Open)
            {
                open.Add(id);
                continue;
            }

            var next = Advance(job);
            if (!ReferenceEquals(next, job)) MarketStore.PutJob(_state, next);
        }

        Match(open);
        Emission();
    }

    /// <summary>
    /// Provider emission (design §4): while <see cref="MarketParams.ProviderEmission"/> is on, each block accrues it; at
    /// the end of every block whose height the epoch length divides, the accrued FSH is minted and shared over the
    /// epoch's verified work under <see cref="MarketParams.RewardCurve"/> (<see cref="EmissionCurve"/>), the remainder
    /// to the treasury, all tagged <see cref="FlowTag.Emission"/>. With emission off and nothing accrued it touches nothing.
    /// </summary>
    private void Emission()
    {
        var accrued = MarketStore.EmissionAccrued(_state);
        if (_params.ProviderEmission.IsZero && accrued.IsZero) return;
        accrued += _params.ProviderEmission;
        if (_params.EmissionEpochBlocks == 0 || _height % _params.EmissionEpochBlocks != 0)
        {
            MarketStore.PutEmissionAccrued(_state, accrued);
            return;
        }

        var work = MarketStore.EpochWork(_state);
        var split = EmissionCurve.Split(_params.RewardCurve, accrued, [.. work.Select(w => w.WorkUnits)], _params.RewardCapBps);
        for (int i = 0; i < work.Count; i++) MarketPayouts.Must(_context.Mint(AssetId.Fsh, work[i].Provider, split.Paid[i], FlowTag.Emission));
        MarketPayouts.Must(_context.Mint(AssetId.Fsh, _state.Params.Treasury, split.ToTreasury, FlowTag.Emission));
        MarketStore.ClearEpochWork(_state);
        MarketStore.PutEmissionAccrued(_state, Amount.Zero);
    }

    private Job Advance(Job job)
    {
        job = Deadlines(job);
        if (!job.IsActive) return job;
        if (job.State == JobState.Running && job.Spec.Policy == VerificationPolicy.SpotCheck && job.Draw == SpotDraw.NotDrawn
            && job.DrawHeight != 0 && _height >= job.DrawHeight)
        {
            job = DrawSpotCheck(job);
        }

        if (job.State == JobState.Running && job.AwaitsChecker) job = AssignChecker(job);
        if (!job.IsActive) return job;

        if (!RoundRevealed(job)) return job;
        return job.State == JobState.Disputed ? Resolve(job) : Judge(job);
    }

    /// <summary>Every slot of the current round revealed (and a spot check drawn).</summary>
    private static bool RoundRevealed(Job job)
    {
        if (job.State == JobState.Running && job.Spec.Policy == VerificationPolicy.SpotCheck && job.Draw == SpotDraw.NotDrawn) return false;
        bool any = false;
        for (int i = 0; i < job.Slots.Length; i++)
        {
            if (!job.InCurrentRound(i)) continue;
            if (job.Slots[i].Status != SlotStatus.Revealed) return false;
            any = true;
        }

        return any;
    }

    /// <summary>
    /// Slots past their deadline that have not revealed miss it, except a committed slot still waiting for the others
    /// of its round to commit (that is not its fault; its deadline moves when reveals open).
    /// </summary>
    private Job Deadlines(Job job)
    {
        for (int i = 0; i < job.Slots.Length && job.IsActive; i++)
        {
            var slot = job.Slots[i];
            if (!slot.IsPending || slot.DeadlineHeight > _height) continue;
            if (slot.Status == SlotStatus.Committed && !job.RevealOpen(i)) continue;
            job = Miss(job, i);
        }

        return job;
    }

    /// <summary>
    /// A missed slot: a small slash to the treasury, a miss on the provider's record, never paid. It is re-assigned to
    /// another eligible provider while the job has re-assignments left; otherwise the job fails and is refunded.
    /// </summary>
    private Job Miss(Job job, int index)
    {
        var slot = job.Slots[index];
        MarketPayouts.Must(StakingModule.Slash(_context, slot.Provider, _staking.SlashMissedDeadlinePpm, _state.Params.Treasury, out var slashed));
        slot = slot with { Slashed = slot.Slashed + slashed };
        job = job.WithSlot(index, slot);
        _providers.Update(slot.Provider, p => p with
        {
            OpenSlots = (ushort)(p.OpenSlots - 1),
            Stats = p.Stats with { Missed = p.Stats.Missed + 1 },
        });
        if (job.Reassignments < _params.MaxReassignments)
        {
            var withReplacement = _providers.Assign(job, 1, slot.Role);
            if (withReplacement.Slots.Length > job.Slots.Length)
            {
                return withReplacement.WithSlot(index, slot with { Status = SlotStatus.Replaced }) with { Reassignments = (byte)(job.Reassignments + 1) };
            }
        }

        return Close(job.WithSlot(index, slot with { Status = SlotStatus.Missed }), JobState.Failed, default);
    }

    /// <summary>
    /// The spot-check draw, in the block after the primary committed (so the hash it draws from was not known when it
    /// committed): checked at the probation rate while the primary has fewer verified slots than the probation, else at
    /// the normal rate. An unchecked job opens its reveal; a checked one waits for its checker.
    /// </summary>
    private Job DrawSpotCheck(Job job)
    {
        var primary = job.Slots.First(s => s.Role == SlotRole.Primary && s.IsActive);
        var stats = _providers.Get(primary.Provider).Stats;
        uint rate = stats.Verified < _params.ProbationJobs ? _params.ProbationCheckPpm : _params.SpotCheckPpm;
        return MarketDraw.Ppm(_state.Head.BlockHash, job.Id, MarketDraw.SpotCheck) < rate
            ? job with { Draw = SpotDraw.Checked }
            : MarketModule.ExtendDeadlinesIfRevealsOpen(job with { Draw = SpotDraw.Unchecked }, _height);
    }

    /// <summary>
    /// A drawn check gets a checker from the providers not on the job. While none is eligible the primary waits (its
    /// reveal stays closed, so it cannot miss); once the primary's deadline has passed the job fails and is refunded:
    /// a drawn check is never skipped.
    /// </summary>
    private Job AssignChecker(Job job)
    {
        var withChecker = _providers.Assign(job, 1, SlotRole.Checker);
        if (withChecker.Slots.Length > job.Slots.Length) return withChecker;
        var primary = job.Slots.First(s => s.Role == SlotRole.Primary && s.IsActive);
        return _height >= primary.DeadlineHeight ? Close(job, JobState.Failed, default) : job;
    }

    /// <summary>Every executor revealed: accept when they agree (a canary then waits for its client), else dispute.</summary>
    private Job Judge(Job job)
    {
        if (job.ExpectedDeadline != 0)
        {
            if (job.ExpectedRevealed) return job.ExpectedOutput == job.AcceptedOutput ? Settle(job, job.AcceptedOutput) : StartDispute(job);
            return _height >= job.ExpectedDeadline ? Settle(job, job.AcceptedOutput) : job;
        }

        var outputs = job.Slots.Where(s => s.IsExecutor && s.Status == SlotStatus.Revealed).Select(s => s.OutputHash).ToList();
        if (outputs.Any(o => o != outputs[0])) return StartDispute(job);
        if (job.Spec.Policy != VerificationPolicy.Canary) return Settle(job, outputs[0]);
        job = job with { AcceptedOutput = outputs[0], ExpectedDeadline = _height + _params.ExpectedWindowBlocks };
        return _params.ExpectedWindowBlocks == 0 ? Settle(job, outputs[0]) : job;
    }

    /// <summary>Pays every revealed executor (they agree) and closes the job as settled.</summary>
    private Job Settle(Job job, Hash32 accepted)
    {
        for (int i = 0; i < job.Slots.Length; i++)
        {
            if (!job.Slots[i].IsExecutor || job.Slots[i].Status != SlotStatus.Revealed) continue;
            job = MarketPayouts.PayExecutor(_context, _params, job, i);
            Verified(job.Slots[i].Provider, job.Spec.WorkUnits);
        }

        return Close(job, JobState.Settled, accepted);
    }

    /// <summary>Asks <see cref="MarketParams.DisputeArbiters"/> providers not yet on the job to judge; with none, the job fails.</summary>
    private Job StartDispute(Job job)
    {
        var disputed = job with { State = JobState.Disputed };
        var withArbiters = _providers.Assign(disputed, _params.DisputeArbiters, SlotRole.Arbiter);
        return withArbiters.Slots.Length > job.Slots.Length ? withArbiters : Close(job, JobState.Failed, default);
    }

    /// <summary>
    /// Every arbiter revealed. A disputed (revealed executor) slot with more disagreeing than agreeing votes is a liar:
    /// unpaid, slashed to the dispute account, a fault on its record, jailed. The other executors are paid as in a
    /// settlement. Honest arbiters (whose votes match the verdict) are paid from the slashed stake when there was a liar
    /// (the rest goes to the treasury), else from what the escrow has left; pro rata when short.
    /// </summary>
    private Job Resolve(Job job)
    {
        var disputed = Enumerable.Range(0, job.Slots.Length).Where(i => job.Slots[i].IsExecutor && job.Slots[i].Status == SlotStatus.Revealed).ToList();
        var arbiters = Enumerable.Range(0, job.Slots.Length).Where(i => job.InCurrentRound(i)).ToList();
        var liar = new bool[job.Slots.Length];
        foreach (int d in disputed)
        {
            int agree = arbiters.Count(a => Agrees(job.Slots[a], d));
            liar[d] = arbiters.Count - agree > agree;
        }

        var slashed = Amount.Zero;
        var honest = new List<int>();
        foreach (int d in disputed)
        {
            if (liar[d])
            {
                var taken = Fault(job.Slots[d].Provider);
                job = job.WithSlot(d, job.Slots[d] with { Slashed = job.Slots[d].Slashed + taken });
                slashed += taken;
                continue;
            }

            job = MarketPayouts.PayExecutor(_context, _params, job, d);
            Verified(job.Slots[d].Provider, job.Spec.WorkUnits);
            honest.Add(d);
        }

        var honestArbiters = arbiters.Where(a => disputed.All(d => Agrees(job.Slots[a], d) != liar[d])).ToList();
        foreach (int a in honestArbiters) Verified(job.Slots[a].Provider, job.Spec.WorkUnits);
        if (disputed.Any(d => liar[d]))
        {
            var paid = MarketPayouts.PayArbiters(_context, ref job, honestArbiters, MarketStore.DisputeAccount, slashed, fromEscrow: false);
            MarketPayouts.Must(_context.Move(MarketStore.DisputeAccount, _state.Params.Treasury, AssetId.Fsh, slashed - paid, FlowTag.Slash));
        }
        else
        {
            var paid = MarketPayouts.PayArbiters(_context, ref job, honestArbiters, MarketStore.EscrowAccount, job.Escrow, fromEscrow: true);
            job = job with { Escrow = job.Escrow - paid, Paid = job.Paid + paid };
        }

        return honest.Count > 0 ? Close(job, JobState.Settled, job.Slots[honest[0]].OutputHash) : Close(job, JobState.Failed, default);
    }

    private static bool Agrees(JobSlot arbiter, int disputed) => (arbiter.AgreeMask & (1u << disputed)) != 0;

    /// <summary>A proven wrong result: slashed to the dispute account, a fault, jailed. Returns the FSH slashed.</summary>
    private Amount Fault(Address provider)
    {
        MarketPayouts.Must(StakingModule.Slash(_context, provider, _staking.SlashWrongResultPpm, MarketStore.DisputeAccount, out var slashed));
        _providers.Update(provider, p => p with { Stats = p.Stats with { Faults = p.Stats.Faults + 1, JailedUntil = _height + _params.JailBlocks } });
        return slashed;
    }

    /// <summary>A slot's work was accepted: one more verified slot, and its work units count for the epoch's emission while it is on.</summary>
    private void Verified(Address provider, ulong workUnits)
    {
        _providers.Update(provider, p => p with { Stats = p.Stats with { Verified = p.Stats.Verified + 1 } });
        if (!_params.ProviderEmission.IsZero) MarketStore.AddEpochWork(_state, provider, workUnits);
    }

    /// <summary>Refunds what the escrow holds, frees the slots still pending, and closes the job.</summary>
    private Job Close(Job job, JobState state, Hash32 accepted)
    {
        MarketPayouts.Must(MarketPayouts.Refund(_context, job, out job));
        foreach (var slot in job.Slots.Where(s => s.IsPending)) _providers.Release(slot.Provider);
        return job with { State = state, AcceptedOutput = accepted, ClosedHeight = _height };
    }

    /// <summary>
    /// Tries at most <see cref="MarketParams.MaxMatchesPerBlock"/> open jobs in id order, starting after the last one
    /// the previous block tried and wrapping round, so jobs nobody can take never starve the others. A job is matched
    /// only when every executor it needs at once is eligible; otherwise it stays open.
    /// </summary>
    private void Match(List<ulong> open)
    {
        if (open.Count == 0) return;
        ulong start = _providers.Totals.MatchCursor;
        var order = open.Where(id => id > start).Concat(open.Where(id => id <= start));
        ulong cursor = start;
        uint tries = 0;
        foreach (ulong id in order)
        {
            if (tries == _params.MaxMatchesPerBlock) break;
            tries++;
            cursor = id;
            var job = MarketStore.Job(_state, id)!;
            int executors = job.Spec.Policy == VerificationPolicy.Replicate ? job.Spec.Replicas : 1;
            if (_providers.Eligible(job).Count < executors) continue;
            job = _providers.Assign(job, 1, SlotRole.Primary);
            job = _providers.Assign(job, executors - 1, SlotRole.Replica);
            MarketStore.PutJob(_state, job with { State = JobState.Running });
        }

        if (cursor != start) _providers.PutTotals(_providers.Totals with { MatchCursor = cursor });
    }
}
