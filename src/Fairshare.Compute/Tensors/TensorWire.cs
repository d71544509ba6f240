using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// The binary form of a tensor list, shared by format version 1 (the whole blob after its header) and version 2 (each
/// item): a u32 count, then per tensor its name, type, rank, dimensions and data (<see cref="TensorBlob"/>).
/// </summary>
internal static class TensorWire
{
    /// <summary>UTF-8 that refuses invalid bytes and lone surrogates instead of replacing them.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoded size of a tensor list, count included.</summary>
    /// <exception cref="ArgumentException">A list <see cref="Write"/> must not encode (see <see cref="TensorBlob.Encode(IReadOnlyList{TensorData})"/>).</exception>
    public static long Measure(IReadOnlyList<TensorData> tensors, string paramName)
    {
        ArgumentNullException.ThrowIfNull(tensors, paramName);
        if (tensors.Count > TensorBlob.MaxTensors) throw new ArgumentException($"more than {TensorBlob.MaxTensors} tensors", paramName);
        HashSet<string> names = new(StringComparer.Ordinal);
        long size = 4;
        foreach (var tensor in tensors)
        {
            int nameBytes = NameByteCount(tensor.Name);
            if (nameBytes is <= 0 or > TensorBlob.MaxNameBytes || !names.Add(tensor.Name))
                throw new ArgumentException($"tensor name '{tensor.Name}' is empty, longer than {TensorBlob.MaxNameBytes} bytes, not UTF-8 or repeated", paramName);
            if (tensor.Shape.Length > TensorBlob.MaxRank) throw new ArgumentException($"tensor '{tensor.Name}' has rank above {TensorBlob.MaxRank}", paramName);
            if (tensor.Shape.Any(d => d < 0) || tensor.ElementCount * TensorData.ElementSize(tensor.Type) != tensor.Data.Length)
                throw new ArgumentException($"tensor '{tensor.Name}': {tensor.Data.Length} bytes do not fit shape {tensor.ShapeText}", paramName);
            if (tensor.Type == TensorElementType.Bool && tensor.Data.AsSpan().IndexOfAnyExcept((byte)0, (byte)1) >= 0)
                throw new ArgumentException($"tensor '{tensor.Name}': a bool element is neither 0 nor 1", paramName);
            size += 2 + nameBytes + 1 + 1 + 8L * tensor.Shape.Length + tensor.Data.Length;
        }

        return size;
    }

    /// <summary>Writes a list <see cref="Measure"/> accepted; returns the number of bytes written.</summary>
    public static int Write(Span<byte> destination, IReadOnlyList<TensorData> tensors)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)tensors.Count);
        int at = 4;
        foreach (var tensor in tensors)
        {
            int nameBytes = StrictUtf8.GetBytes(tensor.Name, destination[(at + 2)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(destination[at..], (ushort)nameBytes);
            at += 2 + nameBytes;
            destination[at++] = (byte)tensor.Type;
            destination[at++] = (byte)tensor.Shape.Length;
            foreach (long dim in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(destination[at..], dim);
                at += 8;
            }

            tensor.Data.CopyTo(destination[at..]);
            at += tensor.Data.Length;
        }

        return at;
    }

    /// <summary>Reads a u32 count and that many tensors from <paramref name="at"/>, advancing it. Never throws.</summary>
    public static ComputeResult<ImmutableArray<TensorData>> Read(ReadOnlySpan<byte> blob, ref int at)
    {
        var slices = ReadSlices(blob, ref at);
        return slices.IsOk ? ComputeResult<ImmutableArray<TensorData>>.Ok(Materialize(blob, slices.Value)) : slices.As<ImmutableArray<TensorData>>();
    }

    /// <summary>
    /// Reads and checks a u32 count and that many tensors from <paramref name="at"/>, advancing it, without copying their
    /// data: each <see cref="TensorSlice"/> says where its bytes lie in <paramref name="blob"/>. Never throws.
    /// </summary>
    public static ComputeResult<ImmutableArray<TensorSlice>> ReadSlices(ReadOnlySpan<byte> blob, ref int at)
    {
        if (blob.Length - at < 4) return Fail(ComputeError.BlobTruncated, "the blob ends inside a tensor count");
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(blob[at..]);
        at += 4;
        if (count > TensorBlob.MaxTensors) return Fail(ComputeError.BlobTooManyTensors, $"{count} tensors (at most {TensorBlob.MaxTensors})");

        var tensors = ImmutableArray.CreateBuilder<TensorSlice>((int)count);
        HashSet<string> names = new(StringComparer.Ordinal);
        for (int index = 0; index < count; index++)
        {
            var read = ReadTensor(blob, ref at, index);
            if (!read.IsOk) return read.As<ImmutableArray<TensorSlice>>();
            if (!names.Add(read.Value.Name)) return Fail(ComputeError.BlobDuplicateName, $"tensor {index}: the name '{read.Value.Name}' is repeated");
            tensors.Add(read.Value);
        }

        return ComputeResult<ImmutableArray<TensorSlice>>.Ok(tensors.MoveToImmutable());
    }

    /// <summary>The tensors of <paramref name="slices"/>, each holding a copy of its bytes of <paramref name="blob"/>.</summary>
    public static ImmutableArray<TensorData> Materialize(ReadOnlySpan<byte> blob, ImmutableArray<TensorSlice> slices)
    {
        var tensors = ImmutableArray.CreateBuilder<TensorData>(slices.Length);
        foreach (var slice in slices)
        {
            // Every byte is overwritten at once, so the array need not be zeroed first.
            var data = GC.AllocateUninitializedArray<byte>(slice.Length);
            blob.Slice(slice.Offset, slice.Length).CopyTo(data);
            tensors.Add(new TensorData(slice.Name, slice.Type, slice.Shape, data));
        }

        return tensors.MoveToImmutable();
    }

    /// <summary>The UTF-8 byte count of a name, or -1 when it holds a lone surrogate.</summary>
    public static int NameByteCount(string name)
    {
        try
        {
            return StrictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            return -1;
        }
    }

    /// <summary>Decodes strict UTF-8; false for invalid bytes.</summary>
    public static bool TryDecodeName(ReadOnlySpan<byte> bytes, out string name)
    {
        try
        {
            name = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            name = "";
            return false;
        }
    }

    /// <summary>The byte size of a tensor of <paramref name="shape"/>; false when it overflows a long.</summary>
    public static bool TryByteSize(long[] shape, long elementSize, out long byteSize)
    {
        byteSize = shape.Contains(0) ? 0 : elementSize;
        foreach (long dim in shape)
        {
            if (byteSize != 0 && dim > long.MaxValue / byteSize) return false;
            byteSize *= dim;
        }

        return true;
    }

    private static ComputeResult<TensorSlice> ReadTensor(ReadOnlySpan<byte> blob, ref int at, int index)
    {
        if (blob.Length - at < 2) return Truncated(index, "name length");
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(blob[at..]);
        at += 2;
        if (nameLength is 0 or > TensorBlob.MaxNameBytes)
            return ComputeResult<TensorSlice>.Fail(ComputeError.BlobBadName, $"tensor {index}: name length {nameLength} (1..{TensorBlob.MaxNameBytes})");
        if (blob.Length - at < nameLength + 2) return Truncated(index, "name, type and rank");
        if (!TryDecodeName(blob.Slice(at, nameLength), out string name))
            return ComputeResult<TensorSlice>.Fail(ComputeError.BlobBadName, $"tensor {index}: the name is not valid UTF-8");
        at += nameLength;

        var type = (TensorElementType)blob[at++];
        if (!Enum.IsDefined(type))
            return ComputeResult<TensorSlice>.Fail(ComputeError.BlobUnknownElementType, $"tensor '{name}': unknown element type {(byte)type}");
        int rank = blob[at++];
        if (rank > TensorBlob.MaxRank) return ComputeResult<TensorSlice>.Fail(ComputeError.BlobRankTooLarge, $"tensor '{name}': rank {rank} (at most {TensorBlob.MaxRank})");
        if (blob.Length - at < 8 * rank) return Truncated(index, "dimensions");

        var shape = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt64LittleEndian(blob[(at + 8 * d)..]);
            if (shape[d] < 0) return ComputeResult<TensorSlice>.Fail(ComputeError.BlobBadDimension, $"tensor '{name}': dimension {d} is {shape[d]}");
        }

        at += 8 * rank;
        if (!TryByteSize(shape, TensorData.ElementSize(type), out long byteSize))
            return ComputeResult<TensorSlice>.Fail(ComputeError.BlobSizeOverflow, $"tensor '{name}': the byte size of {Shape(shape)} overflows");
        if (byteSize > blob.Length - at) return Truncated(index, $"data ({byteSize} bytes for {Shape(shape)})");

        var data = blob.Slice(at, (int)byteSize);
        if (type == TensorElementType.Bool && data.IndexOfAnyExcept((byte)0, (byte)1) is int bad and >= 0)
            return ComputeResult<TensorSlice>.Fail(ComputeError.BlobBadBool, $"tensor '{name}': bool element {bad} is {data[bad]} (only 0 and 1)");
        var slice = new TensorSlice(name, type, shape, at, (int)byteSize);
        at += (int)byteSize;
        return ComputeResult<TensorSlice>.Ok(slice);
    }

    private static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    private static ComputeResult<TensorSlice> Truncated(int index, string what) =>
        ComputeResult<TensorSlice>.Fail(ComputeError.BlobTruncated, $"tensor {index}: the blob ends inside its {what}");

    private static ComputeResult<ImmutableArray<TensorSlice>> Fail(ComputeError error, string message) =>
        ComputeResult<ImmutableArray<TensorSlice>>.Fail(error, message);
}
