using System.Collections.Immutable;

namespace Fairshare.Compute.Tensors;

/// <summary>
/// An ordered list of named tensors and its binary form, version 1 of the tensor blob format of job inputs and
/// outputs (<c>docs/compute.md</c>). All integers little-endian:
/// <code>
/// "FSTB"        4 bytes magic
/// version       u8, = 1
/// count         u32, 0..MaxTensors
/// count times:
///   nameLength  u16, 1..MaxNameBytes
///   name        nameLength bytes of UTF-8, unique in the blob
///   type        u8, a TensorElementType (ONNX's TensorProto.DataType number)
///   rank        u8, 0..MaxRank
///   dims        rank × i64, each ≥ 0
///   data        product(dims) × element size bytes, row-major, little-endian; bool bytes are 0 or 1
/// </code>
/// Nothing may follow the last tensor. The encoding of a list is unique, so equal blobs have equal content addresses.
/// Version 2 (several items, or a recorded fault) is <see cref="JobTensors"/>, which reads both versions.
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

    /// <summary>The magic bytes every tensor blob starts with, whatever its version.</summary>
    internal static ReadOnlySpan<byte> Magic => "FSTB"u8;

    internal const int HeaderSize = 4 + 1 + 4;

    /// <summary>The tensor named <paramref name="name"/> (ordinal), or null.</summary>
    public TensorData? Find(string name) => Tensors.FirstOrDefault(t => t.Name == name);

    /// <summary>This blob's bytes.</summary>
    public byte[] Encode() => Encode(Tensors);

    /// <summary>Encodes the tensors in list order.</summary>
    /// <exception cref="ArgumentException">
    /// More than <see cref="MaxTensors"/> tensors, a name that is empty, too long or repeated, a rank above
    /// <see cref="MaxRank"/>, data whose length does not fit the shape, or a bool byte other than 0 and 1: the caller
    /// built a tensor wrongly.
    /// </exception>
    public static byte[] Encode(IReadOnlyList<TensorData> tensors)
    {
        var blob = new byte[4 + 1 + TensorWire.Measure(tensors, nameof(tensors))];
        Magic.CopyTo(blob);
        blob[4] = Version;
        TensorWire.Write(blob.AsSpan(5), tensors);
        return blob;
    }

    /// <summary>
    /// Decodes a version 1 blob. Every malformed input (truncated, bad magic or version, a bad name, type, rank or
    /// dimension, sizes that overflow, a bool byte other than 0 and 1, trailing bytes) comes back as a failure with
    /// its <see cref="ComputeError"/>; it never throws.
    /// </summary>
    public static ComputeResult<TensorBlob> Decode(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderSize) return Fail(ComputeError.BlobTruncated, $"{blob.Length} bytes is shorter than the {HeaderSize}-byte header");
        if (!blob[..4].SequenceEqual(Magic)) return Fail(ComputeError.BlobBadMagic, "the blob does not start with \"FSTB\"");
        if (blob[4] != Version)
            return Fail(ComputeError.BlobUnsupportedVersion, $"format version {blob[4]} (this reads {Version}; JobTensors.Decode reads every version)");
        int at = 5;
        var tensors = TensorWire.Read(blob, ref at);
        if (!tensors.IsOk) return tensors.As<TensorBlob>();
        if (at != blob.Length) return Fail(ComputeError.BlobTrailingBytes, $"{blob.Length - at} bytes after the last tensor");
        return ComputeResult<TensorBlob>.Ok(new TensorBlob(tensors.Value));
    }

    private static ComputeResult<TensorBlob> Fail(ComputeError error, string message) =>
        ComputeResult<TensorBlob>.Fail(error, message);
}
