using Fairshare.Core.Modules.Market;

namespace Fairshare.Agents;

/// <summary>A planned job and, once the chain has it, its record.</summary>
/// <param name="Index">Its place in the client's plan.</param>
/// <param name="Plan">What was planned.</param>
/// <param name="Job">The chain's record, or null while not yet submitted.</param>
public sealed record ClientJob(int Index, PlannedJob Plan, Job? Job)
{
    /// <summary>Whether the job has ended (settled, failed or cancelled).</summary>
    public bool IsClosed => Job is { State: JobState.Settled or JobState.Failed or JobState.Cancelled };
}
