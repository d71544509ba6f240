namespace Fairshare.Compute.Tensors;

/// <summary>
/// The element types a tensor blob carries: every numeric type ONNX Runtime accepts, without strings, bfloat16 or
/// complex numbers. The values are ONNX's <c>TensorProto.DataType</c> numbers, so a type byte means the same thing in
/// a blob and in a model. Every multi-byte type is stored little-endian.
/// </summary>
public enum TensorElementType : byte
{
    /// <summary>IEEE 754 binary32, 4 bytes.</summary>
    Float32 = 1,

    /// <summary>Unsigned 8-bit integer, 1 byte.</summary>
    UInt8 = 2,

    /// <summary>Two's complement signed 8-bit integer, 1 byte.</summary>
    Int8 = 3,

    /// <summary>Unsigned 16-bit integer, 2 bytes.</summary>
    UInt16 = 4,

    /// <summary>Two's complement signed 16-bit integer, 2 bytes.</summary>
    Int16 = 5,

    /// <summary>Two's complement signed 32-bit integer, 4 bytes.</summary>
    Int32 = 6,

    /// <summary>Two's complement signed 64-bit integer, 8 bytes.</summary>
    Int64 = 7,

    /// <summary>A truth value, 1 byte: 0 (false) or 1 (true), nothing else.</summary>
    Bool = 9,

    /// <summary>IEEE 754 binary16 (<see cref="System.Half"/>), 2 bytes.</summary>
    Float16 = 10,

    /// <summary>IEEE 754 binary64, 8 bytes.</summary>
    Float64 = 11,

    /// <summary>Unsigned 32-bit integer, 4 bytes.</summary>
    UInt32 = 12,

    /// <summary>Unsigned 64-bit integer, 8 bytes.</summary>
    UInt64 = 13,
}
