namespace Fairshare.Compute.Sandbox;

/// <summary>
/// Runs strangers' jobs for a provider within limits: a job that runs too long or takes too much memory is stopped
/// and ends with a job fault, and the sandbox stays ready for the next job. Not safe for concurrent use.
/// </summary>
public interface ISandbox : IDisposable
{
    /// <summary>What it is, for logs: <c>in-process</c> or <c>worker process</c>.</summary>
    string Name { get; }

    /// <summary>Runs one job; its output file is written only when the outcome is OK.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (the run is abandoned).</exception>
    SandboxOutcome Run(SandboxJob job, CancellationToken ct = default);
}
