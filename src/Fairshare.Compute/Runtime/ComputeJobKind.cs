namespace Fairshare.Compute.Runtime;

/// <summary>
/// The kinds of job the runtime executes. The byte values are the market's <c>JobKind</c> values on the ledger
/// (<c>Fairshare.Core.Modules.Market.JobKind</c>), so a job spec's kind converts by value.
/// </summary>
public enum ComputeJobKind : byte
{
    /// <summary>ONNX model inference: the model blob is an ONNX model, the input blob a tensor blob of its inputs.</summary>
    OnnxInference = 1,

    /// <summary>A built-in kernel (matrix multiplication): no model, the input blob holds "A" and "B".</summary>
    Kernel = 2,
}
