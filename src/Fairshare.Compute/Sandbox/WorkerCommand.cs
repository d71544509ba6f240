using System.Collections.Immutable;

namespace Fairshare.Compute.Sandbox;

/// <summary>How <see cref="ProcessSandbox"/> starts a worker, e.g. the CLI's <c>fairshare provider worker</c>.</summary>
/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="ManagedHeapLimitBytes">
/// When set, the worker's managed heap is capped there (<c>DOTNET_GCHeapHardLimit</c>): decoding a huge tensor then
/// fails in the worker (<see cref="ComputeError.MemoryLimitExceeded"/>) instead of growing it. ONNX Runtime's native
/// memory is not on the managed heap; the memory watch covers it.
/// </param>
public sealed record WorkerCommand(string FileName, ImmutableArray<string> Arguments, long? ManagedHeapLimitBytes = null);
