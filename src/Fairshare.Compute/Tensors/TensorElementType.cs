namespace Fairshare.Compute.Tensors;

/// <summary>
/// The element types a tensor blob carries. The values are ONNX's <c>TensorProto.DataType</c> numbers, so a type
/// byte means the same thing in a blob and in a model.
/// </summary>
public enum TensorElementType : byte
{
    /// <summary>IEEE 754 binary32, 4 bytes little-endian.</summary>
    Float32 = 1,

    /// <summary>Two's complement signed 64-bit integer, 8 bytes little-endian.</summary>
    Int64 = 7,
}
