using System.Runtime.InteropServices;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// One named tensor: element type, shape and the raw little-endian element bytes in row-major order. Build it with
/// <see cref="Create"/> or a typed factory (<see cref="Float32"/>, <see cref="Int64"/>, <see cref="Bool"/>, …), which
/// check that the bytes fit the shape. Equality of this record compares the arrays by reference; compare contents
/// with <c>OutputComparator</c>.
/// </summary>
/// <param name="Name">The tensor's name (a model input or output name, or "A", "B", "C" for a matmul).</param>
/// <param name="Type">The element type.</param>
/// <param name="Shape">The dimensions, outermost first; empty for a scalar.</param>
/// <param name="Data">The elements' bytes, little-endian, row-major: element count × element size bytes.</param>
public sealed record TensorData(string Name, TensorElementType Type, long[] Shape, byte[] Data)
{
    /// <summary>A tensor of any element type holding a copy of <paramref name="littleEndianBytes"/>.</summary>
    /// <exception cref="ArgumentException">
    /// An empty name, a negative dimension, a byte count that is not the element count times the element size, or a
    /// bool element whose byte is neither 0 nor 1.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A type that is not a <see cref="TensorElementType"/>.</exception>
    public static TensorData Create(string name, TensorElementType type, long[] shape, ReadOnlySpan<byte> littleEndianBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        int elementSize = ElementSize(type);
        // Every byte is copied over at once, so the array need not be zeroed first.
        var data = GC.AllocateUninitializedArray<byte>(littleEndianBytes.Length);
        littleEndianBytes.CopyTo(data);
        var tensor = new TensorData(name, type, (long[])shape.Clone(), data);
        if (shape.Any(d => d < 0) || tensor.ElementCount * elementSize != littleEndianBytes.Length)
        {
            throw new ArgumentException(
                $"tensor '{name}': {littleEndianBytes.Length} bytes do not fit shape {tensor.ShapeText} of {type}", nameof(shape));
        }

        if (type == TensorElementType.Bool && littleEndianBytes.IndexOfAnyExcept((byte)0, (byte)1) >= 0)
            throw new ArgumentException($"tensor '{name}': a bool element is neither 0 nor 1", nameof(littleEndianBytes));
        return tensor;
    }

    /// <summary>A float32 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Float32(string name, long[] shape, ReadOnlySpan<float> values) => Of(name, shape, values);

    /// <summary>A float64 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Float64(string name, long[] shape, ReadOnlySpan<double> values) => Of(name, shape, values);

    /// <summary>A float16 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Float16(string name, long[] shape, ReadOnlySpan<Half> values) => Of(name, shape, values);

    /// <summary>An int8 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Int8(string name, long[] shape, ReadOnlySpan<sbyte> values) => Of(name, shape, values);

    /// <summary>A uint8 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData UInt8(string name, long[] shape, ReadOnlySpan<byte> values) => Of(name, shape, values);

    /// <summary>An int16 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Int16(string name, long[] shape, ReadOnlySpan<short> values) => Of(name, shape, values);

    /// <summary>A uint16 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData UInt16(string name, long[] shape, ReadOnlySpan<ushort> values) => Of(name, shape, values);

    /// <summary>An int32 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Int32(string name, long[] shape, ReadOnlySpan<int> values) => Of(name, shape, values);

    /// <summary>A uint32 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData UInt32(string name, long[] shape, ReadOnlySpan<uint> values) => Of(name, shape, values);

    /// <summary>An int64 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Int64(string name, long[] shape, ReadOnlySpan<long> values) => Of(name, shape, values);

    /// <summary>A uint64 tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData UInt64(string name, long[] shape, ReadOnlySpan<ulong> values) => Of(name, shape, values);

    /// <summary>A bool tensor holding <paramref name="values"/>, one byte each (0 or 1).</summary>
    /// <exception cref="ArgumentException">The value count is not the product of the shape.</exception>
    public static TensorData Bool(string name, long[] shape, ReadOnlySpan<bool> values) => Of(name, shape, values);

    /// <summary>The size in bytes of one element of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A type that is not a <see cref="TensorElementType"/>.</exception>
    public static int ElementSize(TensorElementType type) => type switch
    {
        TensorElementType.UInt8 or TensorElementType.Int8 or TensorElementType.Bool => 1,
        TensorElementType.UInt16 or TensorElementType.Int16 or TensorElementType.Float16 => 2,
        TensorElementType.Float32 or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Int64 or TensorElementType.Float64 or TensorElementType.UInt64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>
    /// The element type whose elements are <typeparamref name="T"/>: <see cref="float"/>, <see cref="double"/>,
    /// <see cref="Half"/>, <see cref="sbyte"/>, <see cref="byte"/>, <see cref="short"/>, <see cref="ushort"/>,
    /// <see cref="int"/>, <see cref="uint"/>, <see cref="long"/>, <see cref="ulong"/> or <see cref="bool"/>.
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is none of those.</exception>
    public static TensorElementType ElementTypeOf<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return TensorElementType.Float32;
        if (typeof(T) == typeof(double)) return TensorElementType.Float64;
        if (typeof(T) == typeof(Half)) return TensorElementType.Float16;
        if (typeof(T) == typeof(sbyte)) return TensorElementType.Int8;
        if (typeof(T) == typeof(byte)) return TensorElementType.UInt8;
        if (typeof(T) == typeof(short)) return TensorElementType.Int16;
        if (typeof(T) == typeof(ushort)) return TensorElementType.UInt16;
        if (typeof(T) == typeof(int)) return TensorElementType.Int32;
        if (typeof(T) == typeof(uint)) return TensorElementType.UInt32;
        if (typeof(T) == typeof(long)) return TensorElementType.Int64;
        if (typeof(T) == typeof(ulong)) return TensorElementType.UInt64;
        if (typeof(T) == typeof(bool)) return TensorElementType.Bool;
        throw new NotSupportedException($"{typeof(T).Name} is not a tensor element type");
    }

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

    /// <summary>
    /// The elements as <typeparamref name="T"/>, which must be the type's element type (see
    /// <see cref="ElementTypeOf{T}"/>); the host is little-endian, as every .NET 10 target is.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor's element type is not <typeparamref name="T"/>.</exception>
    public ReadOnlySpan<T> As<T>() where T : unmanaged => ElementTypeOf<T>() == Type
        ? MemoryMarshal.Cast<byte, T>(Data)
        : throw new InvalidOperationException($"tensor '{Name}' is {Type}, not {ElementTypeOf<T>()}");

    /// <summary>The elements as float32.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not float32.</exception>
    public ReadOnlySpan<float> AsFloat32() => As<float>();

    /// <summary>The elements as int64.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not int64.</exception>
    public ReadOnlySpan<long> AsInt64() => As<long>();

    /// <summary>The shape as text, e.g. <c>[32, 784]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    private static TensorData Of<T>(string name, long[] shape, ReadOnlySpan<T> values) where T : unmanaged =>
        Create(name, ElementTypeOf<T>(), shape, MemoryMarshal.AsBytes(values));
}
