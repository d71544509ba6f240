using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Tensors;

/// <summary>Tensors of any element type from values written as doubles.</summary>
internal static class TypedTensors
{
    /// <summary>A tensor of <paramref name="type"/> holding <paramref name="values"/>, each converted with a C# cast (bool: nonzero).</summary>
    public static TensorData Of(TensorElementType type, string name, long[] shape, params double[] values) => type switch
    {
        TensorElementType.Float16 => TensorData.Float16(name, shape, [.. values.Select(v => (Half)v)]),
        TensorElementType.Float32 => TensorData.Float32(name, shape, [.. values.Select(v => (float)v)]),
        TensorElementType.Float64 => TensorData.Float64(name, shape, values),
        TensorElementType.UInt8 => TensorData.UInt8(name, shape, [.. values.Select(v => (byte)v)]),
        TensorElementType.Int8 => TensorData.Int8(name, shape, [.. values.Select(v => (sbyte)v)]),
        TensorElementType.UInt16 => TensorData.UInt16(name, shape, [.. values.Select(v => (ushort)v)]),
        TensorElementType.Int16 => TensorData.Int16(name, shape, [.. values.Select(v => (short)v)]),
        TensorElementType.Int32 => TensorData.Int32(name, shape, [.. values.Select(v => (int)v)]),
        TensorElementType.UInt32 => TensorData.UInt32(name, shape, [.. values.Select(v => (uint)v)]),
        TensorElementType.Int64 => TensorData.Int64(name, shape, [.. values.Select(v => (long)v)]),
        TensorElementType.UInt64 => TensorData.UInt64(name, shape, [.. values.Select(v => (ulong)v)]),
        TensorElementType.Bool => TensorData.Bool(name, shape, [.. values.Select(v => v != 0)]),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };
}
