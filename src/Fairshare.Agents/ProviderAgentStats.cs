namespace Fairshare.Agents;

/// <summary>A provider agent's own counts (what it did, not what the chain decided).</summary>
/// <param name="JobsRun">Jobs it executed.</param>
/// <param name="Cheats">Slots on which it returned a wrong output on purpose.</param>
/// <param name="Commits">Commit transactions sent.</param>
/// <param name="Reveals">Reveal transactions sent.</param>
/// <param name="Failures">Jobs it could not run (missing blob, runtime error).</param>
/// <param name="ComputeTime">Time spent in the runtime.</param>
/// <param name="LastError">The last failure's reason.</param>
public sealed record ProviderAgentStats(
    long JobsRun = 0, long Cheats = 0, long Commits = 0, long Reveals = 0, long Failures = 0, TimeSpan ComputeTime = default, string? LastError = null);
