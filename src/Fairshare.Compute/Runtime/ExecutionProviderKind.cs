namespace Fairshare.Compute.Runtime;

/// <summary>The ONNX Runtime execution providers a runner can ask for.</summary>
public enum ExecutionProviderKind
{
    /// <summary>ONNX Runtime's CPU provider (MLAS); every build has it.</summary>
    Cpu = 0,

    /// <summary>The CUDA provider: only in the GPU package, and only where the CUDA and cuDNN libraries it was built for load.</summary>
    Cuda = 1,
}
