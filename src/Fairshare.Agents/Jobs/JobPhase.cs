namespace Fairshare.Agents.Jobs;

/// <summary>Where a job stands, as a person follows it (<see cref="JobStatus.PhaseOf"/>), in order.</summary>
public enum JobPhase
{
    /// <summary>On the chain, escrow locked, waiting for the matcher to find providers.</summary>
    Submitted = 0,

    /// <summary>Matched: providers were assigned and are fetching the blobs and running it.</summary>
    Running = 1,

    /// <summary>Every executor of the round committed to its output; the reveals come next.</summary>
    Committed = 2,

    /// <summary>Outputs revealed; the chain is comparing them (a spot check's checker or a canary's answer may still run).</summary>
    Verifying = 3,

    /// <summary>The outputs disagreed; arbiters re-run the job and vote.</summary>
    Disputed = 4,

    /// <summary>An output was verified and accepted; the providers were paid and the rest of the escrow refunded.</summary>
    Settled = 5,

    /// <summary>Nobody delivered in time (or no arbiter was available); the escrow not paid out was refunded.</summary>
    Failed = 6,

    /// <summary>Cancelled by its client before any provider was assigned; fully refunded.</summary>
    Cancelled = 7,
}
