using Fairshare.Compute.Runtime;
using Fairshare.Compute.Verification;
using Fairshare.Agents;

namespace Fairshare.Bench.Gpu;

/// <summary>What <c>fairshare bench gpu</c> measured. GPU figures are null where CUDA does not load.</summary>
/// <param name="Providers">The execution providers tried, with why those that do not load fail.</param>
/// <param name="Model">The model run, for the report.</param>
/// <param name="CpuMs">Best time of one inference on ONNX Runtime's CPU provider (one thread), in milliseconds.</param>
/// <param name="CudaMs">Best time on the CUDA provider; null without CUDA.</param>
/// <param name="MaxDifference">The largest |CPU − GPU| over every output element; null without CUDA.</param>
/// <param name="Comparison">The comparator's verdict on the GPU output against the CPU output (default tolerances); null without CUDA.</param>
/// <param name="JobProvider">The execution provider the job path's provider used (CUDA when it loads).</param>
/// <param name="JobsSettled">Jobs of the model that settled through the whole job path.</param>
/// <param name="JobComputeMs">The provider's runtime per job in the job path (sandbox and ONNX Runtime), in milliseconds.</param>
/// <param name="JobAgrees">Whether every accepted job output agrees with the direct run on the same provider within tolerance.</param>
/// <param name="KernelN">The kernel job's size (n × n × n matmul).</param>
/// <param name="KernelCpuMs">The kernel on TensorPrimitives (one CPU thread).</param>
/// <param name="KernelCudaMs">The ILGPU kernel on CUDA; null when ILGPU finds no CUDA device.</param>
/// <param name="KernelMaxDifference">The largest |CPU − GPU| of the kernel's C; null without CUDA.</param>
/// <param name="KernelBackend">What ran the GPU kernel, or why nothing did.</param>
public sealed record GpuBenchResult(
    ExecutionProviderReport Providers, string Model, double CpuMs, double? CudaMs, double? MaxDifference, ComparisonResult? Comparison,
    ExecutionProvider JobProvider, int JobsSettled, double JobComputeMs, bool JobAgrees,
    int KernelN, double KernelCpuMs, double? KernelCudaMs, double? KernelMaxDifference, string KernelBackend);
