using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>
/// The client's loop: submit planned jobs when their height comes (escrow locked by the chain), and for a known-answer
/// job reveal the expected output once the providers have revealed theirs, so a wrong answer opens a dispute. Every
/// other job's seal is random-looking, so a provider cannot tell a canary from a real job. The n-th job on the chain
/// with this client as sender is the n-th planned job it submitted.
/// </summary>
public sealed class ClientAgent
{
    private readonly KeyPair _key;
    private readonly HashSet<ulong> _expectedRevealed = [];
    private int _submitted;

    /// <summary>Creates a client agent.</summary>
    public ClientAgent(ClientProfile profile, KeyPair key)
    {
        Profile = profile;
        _key = key;
    }

    /// <summary>The profile.</summary>
    public ClientProfile Profile { get; }

    /// <summary>The client's address.</summary>
    public Address Address => _key.Address;

    /// <summary>
    /// Jobs of this client the chain already held when the plan started (an earlier run with the same key): they are
    /// skipped, so the n-th job after them is the n-th planned job.
    /// </summary>
    public int PriorJobs { get; init; }

    /// <summary>Whether every planned job was submitted and has ended.</summary>
    public bool IsDone(LedgerState state) => _submitted == Profile.Jobs.Length && Jobs(state).All(j => j.IsClosed);

    /// <summary>The plan beside the chain's records, in plan order.</summary>
    public IReadOnlyList<ClientJob> Jobs(LedgerState state)
    {
        var mine = MarketStore.Jobs(state).Where(j => j.Client == Address).Skip(PriorJobs).ToList();
        return [.. Profile.Jobs.Select((plan, i) => new ClientJob(i, plan, i < mine.Count ? mine[i] : null))];
    }

    /// <summary>Looks at the state after a block and returns the transactions to send next, in order.</summary>
    public IReadOnlyList<TxPayload> OnBlock(LedgerState state)
    {
        var actions = new List<TxPayload>();
        ulong height = state.Head.Height;
        // Submissions the chain has not recorded yet are sent again (a refused one is reported by the network).
        int recorded = MarketStore.Jobs(state).Count(j => j.Client == Address) - PriorJobs;
        _submitted = Math.Min(_submitted, recorded);
        while (_submitted < Profile.Jobs.Length && Profile.Jobs[_submitted].SubmitAtHeight <= height)
        {
            var plan = Profile.Jobs[_submitted];
            actions.Add(new MarketSubmitJobPayload(plan.Spec with { Seal = Seal(_submitted, plan) }));
            _submitted++;
        }

        foreach (var job in Jobs(state))
        {
            if (job.Plan.ExpectedOutput is not { } expected || job.Job is not { State: JobState.Running } running) continue;
            if (_expectedRevealed.Contains(running.Id) || !PrimaryRevealed(running)) continue;
            _expectedRevealed.Add(running.Id);
            actions.Add(new MarketRevealExpectedPayload(running.Id, expected, AgentSecrets.SealSalt(_key, (ulong)(PriorJobs + job.Index))));
        }

        return actions;
    }

    private Hash32 Seal(int index, PlannedJob plan)
    {
        var salt = AgentSecrets.SealSalt(_key, (ulong)(PriorJobs + index));
        return plan.ExpectedOutput is { } expected ? MarketCommitment.Seal(expected, salt) : Hash32.Compute(salt.ToArray());
    }

    private static bool PrimaryRevealed(Job job) =>
        job.Slots.Any(s => s.Role == SlotRole.Primary && s.Status == SlotStatus.Revealed);
}
