namespace Fairshare.Core.Modules.Market;

/// <summary>What a compute job runs. Stable values: they are encoded in transactions.</summary>
public enum JobKind : byte
{
    /// <summary>An ONNX model run on an input (the model's blob hash is in the spec).</summary>
    OnnxInference = 1,

    /// <summary>A built-in compute kernel run on an input (no model).</summary>
    Kernel = 2,
}
