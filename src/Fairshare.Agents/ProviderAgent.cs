using Fairshare.Compute;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>
/// The provider's loop (design §5.3), one step per block: bond its stake, register its offer, send heartbeats, and for
/// every slot the market gave it — fetch the blobs, run the job within the limits the chain sets
/// (<see cref="JobExecutor.LimitsFor"/>), store the output, commit SHA-256(output ‖ salt ‖ address), and reveal once the
/// round's commits are in. A job fault (a bad model or input, a run past its limits, a blob over the size limits, or a
/// blob still missing after half the slot's deadline) is committed as its fault blob like any output; only the
/// provider's own problems leave the slot for a later block. As an arbiter it also votes, slot by slot, whether the
/// disputed outputs agree with its own within tolerance. It decides from the chain's state alone (plus a cache of
/// outputs it can recompute), so a restarted agent picks up where it left off.
/// </summary>
public sealed class ProviderAgent
{
    private readonly KeyPair _key;
    private readonly JobExecutor _executor;
    private readonly Dictionary<(ulong Job, byte Slot), SlotWork> _work = [];
    private readonly Dictionary<Hash32, byte[]> _outputs = [];
    private ulong _lastHeartbeat;

    /// <summary>Creates an agent for a key and profile, running jobs through <paramref name="executor"/>.</summary>
    public ProviderAgent(ProviderProfile profile, KeyPair key, JobExecutor executor)
    {
        Profile = profile;
        _key = key;
        _executor = executor;
    }

    /// <summary>The profile.</summary>
    public ProviderProfile Profile { get; }

    /// <summary>The provider's address.</summary>
    public Address Address => _key.Address;

    /// <summary>What the agent has done so far.</summary>
    public ProviderAgentStats Stats { get; private set; } = new();

    /// <summary>Send a heartbeat at least this often, in blocks.</summary>
    public ulong HeartbeatEvery { get; init; } = 10;

    /// <summary>Looks at the state after a block and returns the transactions to send next, in order.</summary>
    public IReadOnlyList<TxPayload> OnBlock(LedgerState state)
    {
        var actions = new List<TxPayload>();
        ulong height = state.Head.Height;
        // Bond once; after slashes, top up only to the minimum the market requires.
        var bonded = StakingModule.SelfBonded(state, Address);
        var minimum = StakingModule.Params(state).MinSelfBond;
        if (bonded.IsZero || bonded < minimum)
        {
            var target = bonded.IsZero ? Profile.SelfBond : minimum;
            actions.Add(new StakeSelfBondPayload(target - bonded, Profile.CommissionBps));
            return actions;
        }

        var record = MarketStore.Provider(state, Address);
        if (record is null || !record.Registered || record.Offer != Profile.Offer)
        {
            actions.Add(new MarketRegisterPayload(Profile.Offer));
            _lastHeartbeat = height;
            return actions;
        }

        if (height >= _lastHeartbeat + HeartbeatEvery)
        {
            actions.Add(new MarketHeartbeatPayload());
            _lastHeartbeat = height;
        }

        var market = MarketStore.Params(state);
        var open = new HashSet<(ulong, byte)>();
        foreach (var (job, slot) in MarketStore.OpenSlotsFor(state, Address))
        {
            open.Add((job.Id, slot));
            if (Act(job, slot, height, market) is { } payload) actions.Add(payload);
        }

        foreach (var done in _work.Keys.Where(k => !open.Contains(k)).ToList())
        {
            _outputs.Remove(_work[done].OutputHash);
            _work.Remove(done);
        }

        return actions;
    }

    private TxPayload? Act(Job job, byte slot, ulong height, MarketParams market)
    {
        var current = job.Slots[slot];
        var key = (job.Id, slot);
        if (!_work.TryGetValue(key, out var work))
        {
            work = Run(job, slot, Math.Max(current.AssignedHeight, height), height, market);
            if (work is null) return null;
            _work[key] = work;
        }

        if (current.Status == SlotStatus.Assigned)
        {
            if (height < work.ReadyAtHeight) return null;
            Stats = Stats with { Commits = Stats.Commits + 1 };
            return new MarketCommitPayload(job.Id, slot, MarketCommitment.Compute(work.OutputHash, work.Salt, Address));
        }

        if (current.Status != SlotStatus.Committed || !MarketStore.RevealOpen(job, slot)) return null;
        uint mask = current.Role == SlotRole.Arbiter ? AgreeMask(job, slot, work) : 0;
        Stats = Stats with { Reveals = Stats.Reveals + 1 };
        return new MarketRevealPayload(job.Id, slot, work.OutputHash, work.Salt, mask);
    }

    private SlotWork? Run(Job job, byte slot, ulong assignedHeight, ulong height, MarketParams market)
    {
        var outcome = _executor.Run(job.Spec, _executor.LimitsFor(job.Spec, market, Profile.Offer));
        if (outcome.IsMissingBlob && PastHalfDeadline(job.Slots[slot], height))
            outcome = new ExecutionOutcome(_executor.FaultBlob(job.Spec, ComputeError.BlobUnavailable), TimeSpan.Zero, outcome.Error, ComputeError.BlobUnavailable);
        if (outcome.Output is not { } output)
        {
            Stats = Stats with { Failures = Stats.Failures + 1, LastError = outcome.Error };
            return null;
        }

        if (outcome.IsJobFault) Stats = Stats with { JobFaults = Stats.JobFaults + 1, LastError = $"{outcome.Code}: {outcome.Error}" };

        var behavior = Profile.Behavior;
        bool cheat = behavior.CheatPpm > 0 && AgentSecrets.DrawPpm(behavior.Seed, "cheat", job.Id, slot) < behavior.CheatPpm;
        if (cheat) output = JobExecutor.Corrupt(output);
        var address = _executor.Store(output);
        _outputs[address] = output;
        ulong delay = behavior.DelayBlocks;
        if (behavior.DelayJitterBlocks > 0) delay += AgentSecrets.DrawPpm(behavior.Seed, "delay", job.Id, slot) % (behavior.DelayJitterBlocks + 1);
        Stats = Stats with
        {
            JobsRun = Stats.JobsRun + 1,
            Cheats = Stats.Cheats + (cheat ? 1 : 0),
            ComputeTime = Stats.ComputeTime + outcome.Elapsed,
        };
        return new SlotWork(address, AgentSecrets.Salt(_key, job.Id, slot), assignedHeight + delay);
    }

    /// <summary>Whether more than half of the slot's time to its deadline has passed (a blob still missing then is the job's fault).</summary>
    private static bool PastHalfDeadline(JobSlot slot, ulong height) =>
        height > slot.AssignedHeight && (height - slot.AssignedHeight) * 2 > slot.DeadlineHeight - slot.AssignedHeight;

    /// <summary>Bit i set when slot i (a revealed, non-arbiter slot) agrees with this arbiter's own output.</summary>
    private uint AgreeMask(Job job, byte slot, SlotWork work)
    {
        if (!_outputs.TryGetValue(work.OutputHash, out var mine) && !_executor.Blobs.TryGet(work.OutputHash, out mine)) return 0;
        uint mask = 0;
        for (int i = 0; i < job.Slots.Length; i++)
        {
            var other = job.Slots[i];
            if (i == slot || other.Role == SlotRole.Arbiter || other.Status != SlotStatus.Revealed) continue;
            if (other.OutputHash == work.OutputHash || _executor.Agrees(mine, other.OutputHash)) mask |= 1u << i;
        }

        return mask;
    }
}
