using Fairshare.Compute.Models.Onnx;

namespace Fairshare.Compute.Models.Inspection;

/// <summary>
/// What the providers' ONNX Runtime (the Microsoft.ML.OnnxRuntime 1.31 CPU package, no custom operator libraries)
/// loads. The limits are the runtime's own: loading a model stamped higher fails with "Current official support for
/// domain ai.onnx is till opset 26" (ai.onnx.ml: 5, com.microsoft: 1; onnxruntime/core/graph/model_load_utils.h,
/// ValidateOpsetForDomain) or "Unsupported model IR version: 14, max supported IR version: 13"
/// (onnxruntime/core/graph/model.cc), measured with 1.31.1. Opset 26 arrived with ONNX 1.21
/// (microsoft/onnxruntime#27601, "ONNX 1.21.0 integration ... support ONNX opset 26"). The lower bound 7 is the
/// runtime's documented one: "All versions of ONNX Runtime support ONNX opsets from ONNX v1.2.1+ (opset version 7
/// and higher)" (onnxruntime.ai/docs/reference/compatibility.html).
/// </summary>
internal static class RuntimeSupport
{
    /// <summary>The runtime's version, for messages.</summary>
    public const string Runtime = "ONNX Runtime 1.31";

    /// <summary>The highest model IR version the runtime loads.</summary>
    public const long MaxIrVersion = 13;

    /// <summary>The opset versions the runtime has kernels for in <paramref name="domain"/> (canonical), or null for a domain it has none for.</summary>
    public static (long Min, long Max)? Opsets(string domain) => domain switch
    {
        OnnxOperators.DefaultDomain => (7, 26),
        OnnxOperators.MlDomain => (1, 5),
        OnnxOperators.MicrosoftDomain => (1, 1),
        _ => null,
    };
}
