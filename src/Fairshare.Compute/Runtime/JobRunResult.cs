using System.Diagnostics.CodeAnalysis;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// The outcome of running one job: the output blob (a tensor blob) and how long the run took, or an error code and
/// message. A failure is the job's fault (a bad model or input), never the runner's: runner bugs throw.
/// </summary>
/// <param name="Output">The output tensor blob's bytes; set only on success.</param>
/// <param name="Elapsed">Wall time of the run: decoding, execution (and model loading on a cache miss), encoding.</param>
/// <param name="Error">Why it failed, or <see cref="ComputeError.None"/>.</param>
/// <param name="Message">A human-readable explanation of the failure; null on success.</param>
public sealed record JobRunResult(byte[]? Output, TimeSpan Elapsed, ComputeError Error, string? Message)
{
    /// <summary>True when the job ran and <see cref="Output"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Output))]
    public bool IsOk => Error == ComputeError.None && Output is not null;

    /// <summary>A successful run.</summary>
    public static JobRunResult Ok(byte[] output, TimeSpan elapsed) => new(output, elapsed, ComputeError.None, null);

    /// <summary>A failed run.</summary>
    public static JobRunResult Fail(ComputeError error, string message, TimeSpan elapsed) => new(null, elapsed, error, message);
}
