using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// An ordered list of named tensors and its binary form, the format of every job input and output blob
/// (<c>docs/compute.md</c>). All integers little-endian:
/// <code>
/// "FSTB"        4 bytes magic
/// version       u8, = 1
/// count         u32, 0..MaxTensors
/// count times:
///   nameLength  u16, 1..MaxNameBytes
///   name        nameLength bytes of UTF-8, unique in the blob
///   type        u8, a TensorElementType (1 float32, 7 int64)
///   rank        u8, 0..MaxRank
///   dims        rank × i64, each ≥ 0
///   data        product(dims) × element size bytes, row-major
/// </code>
/// Nothing may follow the last tensor. The encoding of a list is unique, so equal blobs have equal content addresses.
/// </summary>
/// <param name="Tensors">The tensors, in blob order.</param>
public sealed record TensorBlob(ImmutableArray<TensorData> Tensors)
{
    /// <summary>The current format version.</summary>
    public const byte Version = 1;

    /// <summary>The most tensors one blob may hold.</summary>
    public const int MaxTensors = 1024;

    /// <summary>The longest tensor name, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 256;

    /// <summary>The highest tensor rank.</summary>
    public const int MaxRank = 8;

    private static readonly byte[] Magic = "FSTB"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const int HeaderSize = 4 + 1 + 4;

    /// <summary>The tensor named <paramref name="name"/> (ordinal), or null.</summary>
    public TensorData? Find(string name) => Tensors.FirstOrDefault(t => t.Name == name);

    /// <summary>This blob's bytes.</summary>
    public byte[] Encode() => Encode(Tensors);

    /// <summary>Encodes the tensors in list order.</summary>
    /// <exception cref="ArgumentException">
    /// More than <see cref="MaxTensors"/> tensors, a name that is empty, too long or repeated, a rank above
    /// <see cref="MaxRank"/>, or data whose length does not fit the shape: the caller built a tensor wrongly.
    /// </exception>
    public static byte[] Encode(IReadOnlyList<TensorData> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count > MaxTensors) throw new ArgumentException($"more than {MaxTensors} tensors", nameof(tensors));
        HashSet<string> names = new(StringComparer.Ordinal);
        long size = HeaderSize;
        foreach (var tensor in tensors)
        {
            int nameBytes = StrictUtf8.GetByteCount(tensor.Name);
            if (nameBytes is 0 or > MaxNameBytes || !names.Add(tensor.Name))
                throw new ArgumentException($"tensor name '{tensor.Name}' is empty, longer than {MaxNameBytes} bytes or repeated", nameof(tensors));
            if (tensor.Shape.Length > MaxRank) throw new ArgumentException($"tensor '{tensor.Name}' has rank above {MaxRank}", nameof(tensors));
            if (tensor.Shape.Any(d => d < 0) || tensor.ElementCount * TensorData.ElementSize(tensor.Type) != tensor.Data.Length)
                throw new ArgumentException($"tensor '{tensor.Name}': {tensor.Data.Length} bytes do not fit shape {tensor.ShapeText}", nameof(tensors));
            size += 2 + nameBytes + 1 + 1 + 8L * tensor.Shape.Length + tensor.Data.Length;
        }

        var blob = new byte[size];
        Magic.CopyTo(blob, 0);
        blob[4] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(5), (uint)tensors.Count);
        int at = HeaderSize;
        foreach (var tensor in tensors)
        {
            int nameBytes = StrictUtf8.GetBytes(tensor.Name, blob.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(at), (ushort)nameBytes);
            at += 2 + nameBytes;
            blob[at++] = (byte)tensor.Type;
            blob[at++] = (byte)tensor.Shape.Length;
            foreach (long dim in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(at), dim);
                at += 8;
            }

            tensor.Data.CopyTo(blob, at);
            at += tensor.Data.Length;
        }

        return blob;
    }

    /// <summary>
    /// Decodes a blob. Every malformed input (truncated, bad magic or version, a bad name, type, rank or dimension,
    /// sizes that overflow, trailing bytes) comes back as a failure with its <see cref="ComputeError"/>; it never throws.
    /// </summary>
    public static ComputeResult<TensorBlob> Decode(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderSize) return Fail(ComputeError.BlobTruncated, $"{blob.Length} bytes is shorter than the {HeaderSize}-byte header");
        if (!blob[..4].SequenceEqual(Magic)) return Fail(ComputeError.BlobBadMagic, "the blob does not start with \"FSTB\"");
        if (blob[4] != Version) return Fail(ComputeError.BlobUnsupportedVersion, $"format version {blob[4]} (this program reads {Version})");
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(blob[5..]);
        if (count > MaxTensors) return Fail(ComputeError.BlobTooManyTensors, $"{count} tensors (at most {MaxTensors})");

        var tensors = ImmutableArray.CreateBuilder<TensorData>((int)count);
        HashSet<string> names = new(StringComparer.Ordinal);
        int at = HeaderSize;
        for (int index = 0; index < count; index++)
        {
            var read = ReadTensor(blob, ref at, index);
            if (!read.IsOk) return read.As<TensorBlob>();
            if (!names.Add(read.Value.Name)) return Fail(ComputeError.BlobDuplicateName, $"tensor {index}: the name '{read.Value.Name}' is repeated");
            tensors.Add(read.Value);
        }

        if (at != blob.Length) return Fail(ComputeError.BlobTrailingBytes, $"{blob.Length - at} bytes after the last tensor");
        return ComputeResult<TensorBlob>.Ok(new TensorBlob(tensors.MoveToImmutable()));
    }

    private static ComputeResult<TensorData> ReadTensor(ReadOnlySpan<byte> blob, ref int at, int index)
    {
        if (blob.Length - at < 2) return Truncated(index, "name length");
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(blob[at..]);
        at += 2;
        if (nameLength is 0 or > MaxNameBytes)
            return ComputeResult<TensorData>.Fail(ComputeError.BlobBadName, $"tensor {index}: name length {nameLength} (1..{MaxNameBytes})");
        if (blob.Length - at < nameLength + 2) return Truncated(index, "name, type and rank");
        if (!TryDecodeName(blob.Slice(at, nameLength), out string name))
            return ComputeResult<TensorData>.Fail(ComputeError.BlobBadName, $"tensor {index}: the name is not valid UTF-8");
        at += nameLength;

        byte type = blob[at++];
        if (!Enum.IsDefined((TensorElementType)type))
            return ComputeResult<TensorData>.Fail(ComputeError.BlobUnknownElementType, $"tensor '{name}': unknown element type {type}");
        int rank = blob[at++];
        if (rank > MaxRank) return ComputeResult<TensorData>.Fail(ComputeError.BlobRankTooLarge, $"tensor '{name}': rank {rank} (at most {MaxRank})");
        if (blob.Length - at < 8 * rank) return Truncated(index, "dimensions");

        var shape = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt64LittleEndian(blob[(at + 8 * d)..]);
            if (shape[d] < 0) return ComputeResult<TensorData>.Fail(ComputeError.BlobBadDimension, $"tensor '{name}': dimension {d} is {shape[d]}");
        }

        at += 8 * rank;
        if (!TryByteSize(shape, TensorData.ElementSize((TensorElementType)type), out long byteSize))
            return ComputeResult<TensorData>.Fail(ComputeError.BlobSizeOverflow, $"tensor '{name}': the byte size of {Shape(shape)} overflows");
        if (byteSize > blob.Length - at) return Truncated(index, $"data ({byteSize} bytes for {Shape(shape)})");

        byte[] data = blob.Slice(at, (int)byteSize).ToArray();
        at += (int)byteSize;
        return ComputeResult<TensorData>.Ok(new TensorData(name, (TensorElementType)type, shape, data));
    }

    private static bool TryByteSize(long[] shape, long elementSize, out long byteSize)
    {
        byteSize = shape.Contains(0) ? 0 : elementSize;
        foreach (long dim in shape)
        {
            if (byteSize != 0 && dim > long.MaxValue / byteSize) return false;
            byteSize *= dim;
        }

        return true;
    }

    private static bool TryDecodeName(ReadOnlySpan<byte> bytes, out string name)
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

    private static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    private static ComputeResult<TensorData> Truncated(int index, string what) =>
        ComputeResult<TensorData>.Fail(ComputeError.BlobTruncated, $"tensor {index}: the blob ends inside its {what}");

    private static ComputeResult<TensorBlob> Fail(ComputeError error, string message) =>
        ComputeResult<TensorBlob>.Fail(error, message);
}
