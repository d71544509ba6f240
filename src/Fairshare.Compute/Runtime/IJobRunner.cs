using Fairshare.Compute.Sandbox;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// Executes jobs of one <see cref="ComputeJobKind"/>: bytes in, a tensor blob out. A runner may cache state (loaded
/// models, compiled kernels) between runs; it is not safe for concurrent use — give each worker its own runner.
/// </summary>
public interface IJobRunner : IDisposable
{
    /// <summary>The job kind this runner executes.</summary>
    ComputeJobKind Kind { get; }

    /// <summary>What executes the work, for logs and offers, e.g. <c>onnxruntime-cpu</c> or <c>ilgpu-cuda (NVIDIA H200)</c>.</summary>
    string Backend { get; }

    /// <summary>Runs one job.</summary>
    /// <param name="model">The model blob (an ONNX model); ignored by kernel jobs, which pass an empty array.</param>
    /// <param name="input">The input tensor blob.</param>
    JobRunResult Run(byte[] model, byte[] input);

    /// <summary>
    /// Runs one job within <paramref name="limits"/>: a run stopped at its time or memory limit fails with
    /// <see cref="ComputeError.RunTimeExceeded"/> or <see cref="ComputeError.MemoryLimitExceeded"/>. The limits hold
    /// for the whole job (every item); a run that completes is kept.
    /// </summary>
    JobRunResult Run(byte[] model, byte[] input, JobLimits limits);
}
