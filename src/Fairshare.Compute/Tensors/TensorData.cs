using System.Runtime.InteropServices;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// One named tensor: element type, shape and the raw little-endian element bytes in row-major order. Build it with
/// <see cref="Float32"/> or <see cref="Int64"/>, which check that the bytes fit the shape. Equality of this record
/// compares the arrays by reference; compare contents with <c>OutputComparator</c>.
/// </summary>
/// <param name="Name">The tensor's name (a model input or output name, or "A", "B", "C" for a matmul).</param>
/// <param name="Type">The element type.</param>
/// <param name="Shape">The dimensions, outermost first; empty for a scalar.</param>
/// <param name="Data">The elements' bytes, little-endian, row-major: element count × element size bytes.</param>
public sealed record TensorData(string Name, TensorElementType Type, long[] Shape, byte[] Data)
{
    /// <summary>A float32 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Float32(string name, long[] shape, ReadOnlySpan<float> values) =>
        Create(name, TensorElementType.Float32, shape, MemoryMarshal.AsBytes(values));

    /// <summary>An int64 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Int64(string name, long[] shape, ReadOnlySpan<long> values) =>
        Create(name, TensorElementType.Int64, shape, MemoryMarshal.AsBytes(values));

    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    public static int ElementSize(TensorElementType type) => type switch
    {
        TensorElementType.Float32 => sizeof(float),
        TensorElementType.Int64 => sizeof(long),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>The number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount
    {
        get
        {
            if (Shape.Contains(0)) return 0;
            long count = 1;
            foreach (long dim in Shape) count = checked(count * dim);
            return count;
        }
    }

    /// <summary>The elements as float32 (the host is little-endian, as every .NET 10 target is).</summary>
    /// <exception cref="InvalidOperationException">The tensor is not float32.</exception>
    public ReadOnlySpan<float> AsFloat32() => Type == TensorElementType.Float32
        ? MemoryMarshal.Cast<byte, float>(Data)
        : throw new InvalidOperationException($"tensor '{Name}' is {Type}, not Float32");

    /// <summary>The elements as int64.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not int64.</exception>
    public ReadOnlySpan<long> AsInt64() => Type == TensorElementType.Int64
        ? MemoryMarshal.Cast<byte, long>(Data)
        : throw new InvalidOperationException($"tensor '{Name}' is {Type}, not Int64");

    /// <summary>The shape as text, e.g. <c>[32, 784]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    private static TensorData Create(string name, TensorElementType type, long[] shape, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        var tensor = new TensorData(name, type, (long[])shape.Clone(), bytes.ToArray());
        if (shape.Any(d => d < 0) || tensor.ElementCount * ElementSize(type) != bytes.Length)
        {
            throw new ArgumentException(
                $"tensor '{name}': {bytes.Length} bytes do not fit shape {tensor.ShapeText} of {type}", nameof(shape));
        }

        return tensor;
    }
}
