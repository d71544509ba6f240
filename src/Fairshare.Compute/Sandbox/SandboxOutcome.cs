using System.Diagnostics.CodeAnalysis;
using Fairshare.Compute.Runtime;

namespace Fairshare.Compute.Sandbox;

/// <summary>
/// How a sandboxed job ended: its output was written (<see cref="IsOk"/>), or it failed with a code that is either a
/// job fault (<see cref="IsJobFault"/>: the provider reveals a fault output) or the provider's own problem.
/// </summary>
/// <param name="Error">Why it failed, or <see cref="ComputeError.None"/>.</param>
/// <param name="Message">What happened, for people; null on success.</param>
/// <param name="Elapsed">Wall time of the run as the sandbox measured it.</param>
/// <param name="Backend">What ran it, e.g. <c>onnxruntime-cpu</c>; empty when it never reached a runner.</param>
/// <param name="Attempts">Workers it was given to (2 after a crash and a retry); 1 in process.</param>
public sealed record SandboxOutcome(ComputeError Error, string? Message, TimeSpan Elapsed, string Backend, int Attempts)
{
    /// <summary>True when the output file was written.</summary>
    [MemberNotNullWhen(false, nameof(Message))]
    public bool IsOk => Error == ComputeError.None;

    /// <summary>True when the failure is the job's own (<see cref="JobFaults.IsJobFault"/>).</summary>
    public bool IsJobFault => JobFaults.IsJobFault(Error);

    /// <summary>A failure that never reached a runner.</summary>
    public static SandboxOutcome Fail(ComputeError error, string message, int attempts = 1) => new(error, message, TimeSpan.Zero, "", attempts);
}
