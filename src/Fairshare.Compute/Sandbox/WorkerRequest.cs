namespace Fairshare.Compute.Sandbox;

/// <summary>One job sent to the worker, one JSON line (<see cref="SandboxJob"/> on the wire).</summary>
/// <param name="Id">Numbers the request; the response repeats it.</param>
/// <param name="Kind">The job kind's byte (<c>ComputeJobKind</c>).</param>
/// <param name="Model">The model file; empty for a kernel.</param>
/// <param name="Input">The input file.</param>
/// <param name="Output">Where the output goes.</param>
/// <param name="RunMs">The run-time limit in milliseconds.</param>
/// <param name="MemoryBytes">The memory limit.</param>
/// <param name="MaxModelBytes">The model size limit.</param>
/// <param name="MaxInputBytes">The input size limit.</param>
/// <param name="Provider">The execution provider asked for: <c>cpu</c> or <c>cuda:N</c>.</param>
internal sealed record WorkerRequest(
    long Id, int Kind, string Model, string Input, string Output, long RunMs, long MemoryBytes, long MaxModelBytes, long MaxInputBytes, string Provider);
