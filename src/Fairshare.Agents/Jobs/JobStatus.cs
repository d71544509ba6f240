using Fairshare.Core.Modules.Market;

namespace Fairshare.Agents.Jobs;

/// <summary>A job as the chain holds it at a height, and the phase a person reads from it.</summary>
/// <param name="Job">The chain's record.</param>
/// <param name="Height">The committed height it was read at.</param>
public sealed record JobStatus(Job Job, ulong Height)
{
    /// <summary>The phase of the job.</summary>
    public JobPhase Phase => PhaseOf(Job);

    /// <summary>Whether the job has ended (settled, failed or cancelled).</summary>
    public bool IsClosed => !Job.IsActive;

    /// <summary>The phase of a job record.</summary>
    public static JobPhase PhaseOf(Job job)
    {
        switch (job.State)
        {
            case JobState.Open: return JobPhase.Submitted;
            case JobState.Disputed: return JobPhase.Disputed;
            case JobState.Settled: return JobPhase.Settled;
            case JobState.Failed: return JobPhase.Failed;
            case JobState.Cancelled: return JobPhase.Cancelled;
        }

        var round = job.Slots.Where((s, i) => job.InCurrentRound(i)).ToList();
        if (round.Count == 0 || round.Any(s => s.Status == SlotStatus.Assigned)) return JobPhase.Running;
        return round.All(s => s.Status == SlotStatus.Revealed) ? JobPhase.Verifying : JobPhase.Committed;
    }

    /// <summary>
    /// The phase and its progress in the words of the job's story (matched, running, committed, verified, settled),
    /// e.g. <c>matched: running on 2 providers, 1 of 2 committed</c>: what a change of status means.
    /// </summary>
    public string Summary
    {
        get
        {
            var executors = Job.Slots.Where(s => s.IsExecutor && s.IsActive).ToList();
            int committed = executors.Count(s => s.Status != SlotStatus.Assigned), revealed = executors.Count(s => s.Status == SlotStatus.Revealed);
            return Phase switch
            {
                JobPhase.Submitted => "submitted: escrow locked, waiting for a provider to match",
                JobPhase.Running => $"matched: running on {executors.Count} provider(s), {committed} of {executors.Count} committed",
                JobPhase.Committed => $"committed: {committed} of {executors.Count} committed, {revealed} revealed",
                JobPhase.Verifying => $"verifying: {revealed} of {executors.Count} outputs revealed and compared",
                JobPhase.Disputed => $"disputed: the outputs disagree; {Job.Slots.Count(s => s.Role == SlotRole.Arbiter)} arbiter(s) re-run it",
                JobPhase.Settled => "settled: an output verified and accepted, the providers paid",
                JobPhase.Failed => "failed: no verified output in time; the escrow not paid out was refunded",
                _ => "cancelled: the escrow was refunded",
            };
        }
    }

    /// <summary>A short line for progress displays, e.g. <c>running: 1 of 2 committed (block 41)</c>.</summary>
    public string Describe() => $"{Summary} (block {Height})";
}
