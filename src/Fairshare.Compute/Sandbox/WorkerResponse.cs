namespace Fairshare.Compute.Sandbox;

/// <summary>The worker's answer to one request, one JSON line (<see cref="SandboxOutcome"/> on the wire).</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Error">The <c>ComputeError</c> number; 0 when the output was written.</param>
/// <param name="Message">What happened; null on success.</param>
/// <param name="ElapsedMs">Wall time of the run in milliseconds.</param>
/// <param name="Backend">What ran it.</param>
internal sealed record WorkerResponse(long Id, int Error, string? Message, double ElapsedMs, string Backend);
