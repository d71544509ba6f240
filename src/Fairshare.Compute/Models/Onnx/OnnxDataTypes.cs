namespace Fairshare.Compute.Models.Onnx;

/// <summary>
/// ONNX's <c>TensorProto.DataType</c> numbers: their names, their sizes, and which of them a job's inputs and outputs
/// may have (the numeric and boolean types a tensor blob can carry; not strings, complex numbers, bfloat16 or the
/// 8-bit and 4-bit float formats).
/// </summary>
internal static class OnnxDataTypes
{
    /// <summary>float32.</summary>
    public const int Float = 1;

    /// <summary>int32.</summary>
    public const int Int32 = 6;

    /// <summary>int64.</summary>
    public const int Int64 = 7;

    /// <summary>String.</summary>
    public const int String = 8;

    /// <summary>bool.</summary>
    public const int Bool = 9;

    /// <summary>float16.</summary>
    public const int Float16 = 10;

    /// <summary>float64.</summary>
    public const int Double = 11;

    /// <summary>True for the element types a model's inputs and outputs may have.</summary>
    public static bool IsSupported(int type) => type is >= 1 and <= 7 or >= 9 and <= 13;

    /// <summary>True for the integer and boolean types, whose values are whole numbers.</summary>
    public static bool IsInteger(int type) => type is >= 2 and <= 7 or 9 or 12 or 13 or 21 or 22;

    /// <summary>The type's name, e.g. <c>float32</c>; <c>type 99</c> for a number ONNX does not define.</summary>
    public static string Name(int type) => type switch
    {
        1 => "float32",
        2 => "uint8",
        3 => "int8",
        4 => "uint16",
        5 => "int16",
        6 => "int32",
        7 => "int64",
        8 => "string",
        9 => "bool",
        10 => "float16",
        11 => "float64",
        12 => "uint32",
        13 => "uint64",
        14 => "complex64",
        15 => "complex128",
        16 => "bfloat16",
        >= 17 and <= 20 => "float8",
        21 => "uint4",
        22 => "int4",
        23 => "float4",
        _ => $"type {type}",
    };

    /// <summary>The bytes one element takes in memory (the 4-bit types round up to 1); 0 for strings and unknown types.</summary>
    public static int Size(int type) => type switch
    {
        2 or 3 or 9 or (>= 17 and <= 24) => 1,
        4 or 5 or 10 or 16 => 2,
        1 or 6 or 12 => 4,
        7 or 11 or 13 or 14 => 8,
        15 => 16,
        _ => 0,
    };
}
