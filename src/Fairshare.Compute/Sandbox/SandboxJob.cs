using Fairshare.Compute.Runtime;

namespace Fairshare.Compute.Sandbox;

/// <summary>One job for a sandbox: files in the provider's blob store in, an output file out.</summary>
/// <param name="Kind">ONNX inference or a kernel.</param>
/// <param name="ModelPath">The model blob's file; empty for a kernel, which has none.</param>
/// <param name="InputPath">The input blob's file.</param>
/// <param name="OutputPath">Where the output blob is written when the run succeeds (nothing is written otherwise).</param>
/// <param name="Limits">What the run may take.</param>
/// <param name="Provider">The execution provider asked for (CUDA falls back to the CPU where it does not load).</param>
public sealed record SandboxJob(ComputeJobKind Kind, string ModelPath, string InputPath, string OutputPath, JobLimits Limits, ExecutionProvider Provider);
