using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// What the work estimate knows about one value of a graph: its element type (ONNX's number, 0 when unknown), its shape
/// (null when even the rank is unknown, −1 for an unknown dimension) and, for small tensors, its contents (integers as
/// exact doubles), which is what lets shapes computed inside the graph (<c>Shape</c> → <c>Gather</c> → <c>Concat</c>
/// → <c>Reshape</c>) be followed.
/// </summary>
/// <param name="ElementType">The ONNX element type number; 0 when unknown.</param>
/// <param name="Shape">The dimensions; null when the rank is unknown; −1 marks an unknown dimension.</param>
/// <param name="Values">The elements in row-major order when known (at most <see cref="MaxValues"/>).</param>
internal sealed record TensorInfo(int ElementType, long[]? Shape, double[]? Values)
{
    /// <summary>The most elements whose values are tracked.</summary>
    public const int MaxValues = 4096;

    /// <summary>The highest rank followed; a higher one is treated as unknown.</summary>
    public const int MaxRank = 32;

    /// <summary>Nothing known.</summary>
    public static readonly TensorInfo Unknown = new(0, null, null);

    /// <summary>True when every dimension is known.</summary>
    [MemberNotNullWhen(true, nameof(Shape))]
    public bool HasShape => Shape is not null && Array.TrueForAll(Shape, d => d >= 0);

    /// <summary>The element count (saturating) when the shape is known; −1 otherwise.</summary>
    public long Elements => HasShape ? Saturating.Product(Shape) : -1;

    /// <summary>A tensor of known shape and, when given and small enough, values.</summary>
    public static TensorInfo Of(int type, long[]? shape, double[]? values = null)
    {
        if (shape is not null && shape.Length > MaxRank) return new TensorInfo(type, null, null);
        bool keep = values is not null && shape is not null && Array.TrueForAll(shape, d => d >= 0) && Saturating.Product(shape) == values.Length && values.Length <= MaxValues;
        return new TensorInfo(type, shape, keep ? values : null);
    }

    /// <summary>The values as integers (truncated), or null when unknown or not all finite.</summary>
    public long[]? Integers()
    {
        if (Values is null) return null;
        var result = new long[Values.Length];
        for (int i = 0; i < Values.Length; i++)
        {
            if (!double.IsFinite(Values[i])) return null;
            result[i] = Values[i] >= long.MaxValue ? long.MaxValue : Values[i] <= long.MinValue ? long.MinValue : (long)Values[i];
        }

        return result;
    }

    /// <summary>The single value of a one-element tensor, or null.</summary>
    public double? Scalar => Values is [double v] ? v : null;

    /// <summary>What an ONNX tensor constant says: type, shape and, for small numeric tensors stored inside the model, values.</summary>
    public static TensorInfo FromProto(TensorProto tensor)
    {
        long[] shape = [.. tensor.Dims];
        if (shape.Any(d => d < 0)) return new TensorInfo(tensor.DataType, null, null);
        long count = Saturating.Product(shape);
        bool external = tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0 || tensor.Segment is not null;
        return Of(tensor.DataType, shape, count <= MaxValues && !external ? Decode(tensor, (int)count) : null);
    }

    /// <summary>What a job's input tensor says, with its values when it is small.</summary>
    public static TensorInfo FromInput(TensorData tensor)
    {
        if (tensor.Shape.Any(d => d < 0)) return new TensorInfo((int)tensor.Type, [.. tensor.Shape.Select(d => Math.Max(d, -1))], null);
        long count = Saturating.Product(tensor.Shape);
        int size = OnnxDataTypes.Size((int)tensor.Type);
        double[]? values = count <= MaxValues && size > 0 && tensor.Data.Length == count * size
            ? Raw(tensor.Data, (int)tensor.Type, (int)count)
            : null;
        return Of((int)tensor.Type, (long[])tensor.Shape.Clone(), values);
    }

    private static double[]? Decode(TensorProto tensor, int count)
    {
        if (tensor.RawData.Length > 0) return Raw(tensor.RawData.Span, tensor.DataType, count);
        var values = tensor.DataType switch
        {
            OnnxDataTypes.Float => tensor.FloatData.Select(v => (double)v).ToArray(),
            OnnxDataTypes.Int64 => tensor.Int64Data.Select(v => (double)v).ToArray(),
            OnnxDataTypes.Double => [.. tensor.DoubleData],
            12 or 13 => tensor.Uint64Data.Select(v => (double)v).ToArray(),
            OnnxDataTypes.Float16 => tensor.Int32Data.Select(v => (double)BitConverter.UInt16BitsToHalf((ushort)v)).ToArray(),
            2 or 3 or 4 or 5 or OnnxDataTypes.Int32 or OnnxDataTypes.Bool => tensor.Int32Data.Select(v => (double)v).ToArray(),
            _ => null,
        };
        return values is not null && values.Length == count ? values : null;
    }

    private static double[]? Raw(ReadOnlySpan<byte> bytes, int type, int count)
    {
        int size = OnnxDataTypes.Size(type);
        if (size == 0 || bytes.Length != (long)count * size) return null;
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            var at = bytes.Slice(i * size, size);
            double? value = type switch
            {
                OnnxDataTypes.Float => BinaryPrimitives.ReadSingleLittleEndian(at),
                OnnxDataTypes.Double => BinaryPrimitives.ReadDoubleLittleEndian(at),
                OnnxDataTypes.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(at),
                2 => at[0],
                3 => (sbyte)at[0],
                4 => BinaryPrimitives.ReadUInt16LittleEndian(at),
                5 => BinaryPrimitives.ReadInt16LittleEndian(at),
                OnnxDataTypes.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
                OnnxDataTypes.Int64 => BinaryPrimitives.ReadInt64LittleEndian(at),
                OnnxDataTypes.Bool => at[0] != 0 ? 1 : 0,
                12 => BinaryPrimitives.ReadUInt32LittleEndian(at),
                13 => BinaryPrimitives.ReadUInt64LittleEndian(at),
                _ => null,
            };
            if (value is not double v) return null;
            values[i] = v;
        }

        return values;
    }
}
