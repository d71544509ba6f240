namespace Fairshare.Agents;

/// <summary>A provider agent's own counts (what it did, not what the chain decided).</summary>
/// <param name="JobsRun">Jobs it executed.</param>
/// <param name="Cheats">Slots on which it returned a wrong output on purpose.</param>
/// <param name="Commits">Commit transactions sent.</param>
/// <param name="Reveals">Reveal transactions sent.</param>
/// <param name="Failures">Times it could not run a job (its own problem: a missing blob, its blob store, its sandbox); it tries again later.</param>
/// <param name="ComputeTime">Time spent in the runtime.</param>
/// <param name="LastError">The last failure's or job fault's reason.</param>
/// <param name="JobFaults">Jobs that ended in a job fault (counted in <paramref name="JobsRun"/> too: their fault blob is committed like any output).</param>
public sealed record ProviderAgentStats(
    long JobsRun = 0, long Cheats = 0, long Commits = 0, long Reveals = 0, long Failures = 0, TimeSpan ComputeTime = default, string? LastError = null,
    long JobFaults = 0);
