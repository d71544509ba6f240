namespace Fairshare.Compute.Sandbox;

/// <summary>The worker's first line: it is up and reads requests.</summary>
/// <param name="Protocol">The protocol version (<see cref="SandboxWorker.Protocol"/>).</param>
/// <param name="Pid">The worker's process id.</param>
internal sealed record WorkerHello(int Protocol, int Pid);
