using Microsoft.Extensions.Logging;

namespace Fairshare.Compute.Runtime;

/// <summary>Picks the runner for a job kind on this machine.</summary>
public static class JobRunners
{
    /// <summary>
    /// A new runner for <paramref name="kind"/>: ONNX Runtime for inference; for kernels the ILGPU kernel on the first
    /// CUDA device when one exists, else <see cref="TensorPrimitivesMatMul"/> (ILGPU's CPU emulation is far too slow
    /// for real work). The caller owns and disposes it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind.</exception>
    public static IJobRunner For(ComputeJobKind kind) => kind switch
    {
        ComputeJobKind.OnnxInference => new OnnxJobRunner(),
        ComputeJobKind.Kernel => new KernelJobRunner(
            IlgpuMatMul.CudaAvailable ? IlgpuMatMul.Create(preferCuda: true) : new TensorPrimitivesMatMul()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown job kind"),
    };

    /// <summary>
    /// A new runner for <paramref name="kind"/> on <paramref name="provider"/>: ONNX Runtime with that execution provider
    /// (CUDA falls back to the CPU where it does not load, logged); for kernels the ILGPU kernel on the first CUDA
    /// device when CUDA is asked for and ILGPU finds one, else <see cref="TensorPrimitivesMatMul"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind.</exception>
    public static IJobRunner For(ComputeJobKind kind, ExecutionProvider provider, ILogger? logger = null) => kind switch
    {
        ComputeJobKind.OnnxInference => new OnnxJobRunner(new OnnxRunnerOptions(provider), logger),
        ComputeJobKind.Kernel => new KernelJobRunner(
            provider.Kind == ExecutionProviderKind.Cuda && IlgpuMatMul.CudaAvailable ? IlgpuMatMul.Create(preferCuda: true) : new TensorPrimitivesMatMul()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown job kind"),
    };
}
