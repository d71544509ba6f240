namespace Fairshare.Agents;

/// <summary>A job run on this machine: the output bytes and the time it took, or why it could not run.</summary>
/// <param name="Output">The output blob's bytes, or null on failure.</param>
/// <param name="Elapsed">The runtime's wall time.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record ExecutionOutcome(byte[]? Output, TimeSpan Elapsed, string? Error)
{
    /// <summary>A failure with a reason.</summary>
    public static ExecutionOutcome Failed(string error) => new(null, TimeSpan.Zero, error);
}
