using Fairshare.Compute;

namespace Fairshare.Agents;

/// <summary>
/// A job run on this machine. Either an output to commit — the job's result, or, for a job fault, the fault blob
/// (<c>JobTensors.Failed</c>) every honest provider produces alike — or no output: the provider's own problem (a blob
/// it does not have yet, its blob store, its sandbox), after which it commits nothing and tries again later.
/// </summary>
/// <param name="Output">The output blob's bytes (a result or a fault blob), or null when there is nothing to commit.</param>
/// <param name="Elapsed">The runtime's wall time.</param>
/// <param name="Error">What went wrong (a job fault or the provider's problem), or null.</param>
/// <param name="Code">The job fault or the provider's problem; <see cref="ComputeError.None"/> for a result.</param>
public sealed record ExecutionOutcome(byte[]? Output, TimeSpan Elapsed, string? Error, ComputeError Code = ComputeError.None)
{
    /// <summary>True when <see cref="Output"/> is a fault blob for a job fault.</summary>
    public bool IsJobFault => Output is not null && Code != ComputeError.None;

    /// <summary>True when nothing ran because a blob the job names is not in the store (yet).</summary>
    public bool IsMissingBlob => Output is null && Code == ComputeError.BlobUnavailable;

    /// <summary>The provider's own problem: nothing to commit.</summary>
    public static ExecutionOutcome Failed(string error, ComputeError code = ComputeError.None) => new(null, TimeSpan.Zero, error, code);
}
