using Fairshare.Compute.Tensors;
using Microsoft.ML.OnnxRuntime;
using OrtElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace Fairshare.Compute.Runtime;

/// <summary>Between Fairshare's tensors and ONNX Runtime's: element types both ways, and native tensors from <see cref="TensorData"/>.</summary>
public static class OrtTensors
{
    /// <summary>
    /// A native tensor of the same element type and shape holding a copy of the bytes: a blob's little-endian layout
    /// is ONNX Runtime's for every element type, float16 and bool (one byte, 0 or 1) included. The caller disposes it.
    /// </summary>
    public static OrtValue ToOrtValue(TensorData tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, ToOrt(tensor.Type), tensor.Shape);
        tensor.Data.CopyTo(value.GetTensorMutableRawData());
        return value;
    }

    /// <summary>The tensor element type of an ONNX Runtime one, or null for types a tensor blob cannot carry (strings, bfloat16, ...).</summary>
    public static TensorElementType? FromOrt(OrtElementType type) => type switch
    {
        OrtElementType.Float => TensorElementType.Float32,
        OrtElementType.UInt8 => TensorElementType.UInt8,
        OrtElementType.Int8 => TensorElementType.Int8,
        OrtElementType.UInt16 => TensorElementType.UInt16,
        OrtElementType.Int16 => TensorElementType.Int16,
        OrtElementType.Int32 => TensorElementType.Int32,
        OrtElementType.Int64 => TensorElementType.Int64,
        OrtElementType.Bool => TensorElementType.Bool,
        OrtElementType.Float16 => TensorElementType.Float16,
        OrtElementType.Double => TensorElementType.Float64,
        OrtElementType.UInt32 => TensorElementType.UInt32,
        OrtElementType.UInt64 => TensorElementType.UInt64,
        _ => null,
    };

    /// <summary>ONNX Runtime's element type of a tensor element type.</summary>
    public static OrtElementType ToOrt(TensorElementType type) => type switch
    {
        TensorElementType.Float32 => OrtElementType.Float,
        TensorElementType.UInt8 => OrtElementType.UInt8,
        TensorElementType.Int8 => OrtElementType.Int8,
        TensorElementType.UInt16 => OrtElementType.UInt16,
        TensorElementType.Int16 => OrtElementType.Int16,
        TensorElementType.Int32 => OrtElementType.Int32,
        TensorElementType.Int64 => OrtElementType.Int64,
        TensorElementType.Bool => OrtElementType.Bool,
        TensorElementType.Float16 => OrtElementType.Float16,
        TensorElementType.Float64 => OrtElementType.Double,
        TensorElementType.UInt32 => OrtElementType.UInt32,
        TensorElementType.UInt64 => OrtElementType.UInt64,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };
}
