using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Formats;

/// <summary>
/// NumPy's <c>.npy</c> file: one array (<c>numpy.save</c>, <c>numpy.load</c>). The file is the magic bytes
/// <c>\x93NUMPY</c>, a major and minor version byte, the header length (u16 in version 1.0; u32 in 2.0 and 3.0), the
/// header — a Python dict literal <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>, Latin-1 in
/// versions 1.0 and 2.0 and UTF-8 in 3.0, padded with spaces and a newline — and the raw elements.
/// <para>
/// Reading takes versions 1.0, 2.0 and 3.0 and the numeric dtypes a tensor carries (<see cref="SupportedDtypes"/>) in
/// any byte order: big-endian arrays are swapped to little-endian and Fortran-order arrays transposed to row-major.
/// The header must hold exactly its three keys (in any order) with values in Python literal syntax. Every problem
/// comes back as its own <see cref="ComputeError"/> (4xx); reading never throws on bad bytes. Writing produces what
/// <c>numpy.save</c> writes for a C-contiguous little-endian array: version 1.0, the keys in sorted order, numpy's
/// spare room for the first dimension to grow, padded so the data starts at a multiple of 64 bytes.
/// </para>
/// </summary>
public static class NpyFormat
{
    /// <summary>The dtypes <see cref="Read"/> accepts, as numpy writes them; <c>&gt;</c> (big-endian) and <c>=</c> (native) orders are accepted too.</summary>
    public const string SupportedDtypes = "<f2 <f4 <f8 |i1 <i2 <i4 <i8 |u1 <u2 <u4 <u8 |b1";

    /// <summary>The data of a file <see cref="Write"/> produces starts at a multiple of this many bytes, as numpy's does.</summary>
    public const int Alignment = 64;

    private const int PrefixSize = 6 + 2;

    // numpy leaves room in the header for the first dimension to grow to this many digits (GROWTH_AXIS_MAX_DIGITS).
    private const int GrowthDigits = 21;

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>
    /// Reads a <c>.npy</c> file as a tensor named <paramref name="name"/>. Never throws on malformed bytes: a bad magic,
    /// an unsupported version, a truncated header or data, a malformed header, an object, structured, string or
    /// otherwise unsupported dtype, a rank above <see cref="TensorBlob.MaxRank"/>, a size that overflows, a bool byte
    /// other than 0 and 1, and trailing bytes each have their code.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static ComputeResult<TensorData> Read(ReadOnlySpan<byte> bytes, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!bytes[..Math.Min(bytes.Length, Magic.Length)].SequenceEqual(Magic[..Math.Min(bytes.Length, Magic.Length)]))
            return Fail(ComputeError.NpyBadMagic, "not a .npy file: it does not start with \\x93NUMPY");
        if (bytes.Length < PrefixSize) return Fail(ComputeError.NpyTruncated, $"{bytes.Length} bytes end inside the magic and version");

        (int major, int minor) = (bytes[6], bytes[7]);
        int lengthSize = (major, minor) switch { (1, 0) => 2, (2, 0) or (3, 0) => 4, _ => 0 };
        if (lengthSize == 0) return Fail(ComputeError.NpyUnsupportedVersion, $"format version {major}.{minor} (this reads 1.0, 2.0 and 3.0)");
        if (bytes.Length < PrefixSize + lengthSize) return Fail(ComputeError.NpyTruncated, "the file ends inside the header length");
        long headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[PrefixSize..])
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes[PrefixSize..]);
        int dataStart = PrefixSize + lengthSize;
        if (headerLength > bytes.Length - dataStart)
            return Fail(ComputeError.NpyTruncated, $"the header is {headerLength} bytes; only {bytes.Length - dataStart} follow");

        var headerBytes = bytes.Slice(dataStart, (int)headerLength);
        dataStart += (int)headerLength;
        string headerText;
        if (major == 3)
        {
            if (!TensorWire.TryDecodeName(headerBytes, out headerText)) return Fail(ComputeError.NpyMalformedHeader, "the version 3.0 header is not valid UTF-8");
        }
        else
        {
            headerText = Encoding.Latin1.GetString(headerBytes);
        }

        var header = NpyHeader.Parse(headerText);
        if (!header.IsOk) return header.As<TensorData>();
        var (type, bigEndian, fortran, shape) = header.Value;
        if (shape.Length > TensorBlob.MaxRank) return Fail(ComputeError.NpyRankTooLarge, $"rank {shape.Length} (at most {TensorBlob.MaxRank})");

        int elementSize = TensorData.ElementSize(type);
        if (!TensorWire.TryByteSize(shape, elementSize, out long byteSize) || byteSize > Array.MaxLength)
            return Fail(ComputeError.NpySizeOverflow, $"the byte size of shape {Shape(shape)} overflows");
        long available = bytes.Length - dataStart;
        if (byteSize > available) return Fail(ComputeError.NpyTruncated, $"shape {Shape(shape)} needs {byteSize} bytes of data; {available} follow");
        if (byteSize < available) return Fail(ComputeError.NpyTrailingBytes, $"{available - byteSize} bytes follow the {byteSize} bytes of data");

        var data = bytes.Slice(dataStart, (int)byteSize).ToArray();
        if (bigEndian) SwapBytes(data, elementSize);
        if (type == TensorElementType.Bool && data.AsSpan().IndexOfAnyExcept((byte)0, (byte)1) is int bad and >= 0)
            return Fail(ComputeError.NpyBadBool, $"bool element {bad} is {data[bad]} (only 0 and 1)");
        if (fortran && shape.Length > 1) data = Transpose(data, shape, elementSize);
        return ComputeResult<TensorData>.Ok(new TensorData(name, type, shape, data));
    }

    /// <summary>
    /// The <c>.npy</c> bytes of <paramref name="tensor"/>, as <c>numpy.save</c> writes the same array: version 1.0,
    /// little-endian, C order.
    /// </summary>
    /// <exception cref="ArgumentException">A rank above <see cref="TensorBlob.MaxRank"/>, or data that does not fit the shape.</exception>
    public static byte[] Write(TensorData tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Shape.Length > TensorBlob.MaxRank) throw new ArgumentException($"tensor '{tensor.Name}' has rank above {TensorBlob.MaxRank}", nameof(tensor));
        if (tensor.Shape.Any(d => d < 0) || tensor.ElementCount * TensorData.ElementSize(tensor.Type) != tensor.Data.Length)
            throw new ArgumentException($"tensor '{tensor.Name}': {tensor.Data.Length} bytes do not fit shape {tensor.ShapeText}", nameof(tensor));

        var shape = tensor.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = new StringBuilder($"{{'descr': '{Descr(tensor.Type)}', 'fortran_order': False, 'shape': {shapeText}, }}");
        if (shape.Length > 0) dict.Append(' ', GrowthDigits - shape[0].Length);
        int padding = Alignment - (PrefixSize + 2 + dict.Length + 1) % Alignment;
        dict.Append(' ', padding).Append('\n');

        var file = new byte[PrefixSize + 2 + dict.Length + tensor.Data.Length];
        Magic.CopyTo(file);
        file[6] = 1;
        file[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(PrefixSize), checked((ushort)dict.Length));
        Encoding.ASCII.GetBytes(dict.ToString(), file.AsSpan(PrefixSize + 2));
        tensor.Data.CopyTo(file, PrefixSize + 2 + dict.Length);
        return file;
    }

    /// <summary>The dtype string numpy writes for <paramref name="type"/>, e.g. <c>&lt;f4</c> or <c>|b1</c>.</summary>
    private static string Descr(TensorElementType type) => type switch
    {
        TensorElementType.Float16 => "<f2",
        TensorElementType.Float32 => "<f4",
        TensorElementType.Float64 => "<f8",
        TensorElementType.Int8 => "|i1",
        TensorElementType.Int16 => "<i2",
        TensorElementType.Int32 => "<i4",
        TensorElementType.Int64 => "<i8",
        TensorElementType.UInt8 => "|u1",
        TensorElementType.UInt16 => "<u2",
        TensorElementType.UInt32 => "<u4",
        TensorElementType.UInt64 => "<u8",
        TensorElementType.Bool => "|b1",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    private static void SwapBytes(byte[] data, int elementSize)
    {
        switch (elementSize)
        {
            case 2:
                var halves = MemoryMarshal.Cast<byte, ushort>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(halves, halves);
                break;
            case 4:
                var words = MemoryMarshal.Cast<byte, uint>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(words, words);
                break;
            case 8:
                var longs = MemoryMarshal.Cast<byte, ulong>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }

    /// <summary>Reorders column-major (first index fastest) elements into row-major (last index fastest).</summary>
    private static byte[] Transpose(byte[] source, long[] shape, int elementSize)
    {
        var target = new byte[source.Length];
        if (source.Length == 0) return target;
        var rowStrides = new long[shape.Length];
        rowStrides[^1] = 1;
        for (int k = shape.Length - 2; k >= 0; k--) rowStrides[k] = rowStrides[k + 1] * shape[k + 1];

        var index = new long[shape.Length];
        long destination = 0;
        for (int from = 0; from < source.Length; from += elementSize)
        {
            source.AsSpan(from, elementSize).CopyTo(target.AsSpan((int)(destination * elementSize)));
            for (int k = 0; k < shape.Length; k++)
            {
                destination += rowStrides[k];
                if (++index[k] < shape[k]) break;
                destination -= rowStrides[k] * shape[k];
                index[k] = 0;
            }
        }

        return target;
    }

    private static string Shape(long[] shape) => "(" + string.Join(", ", shape) + ")";

    private static ComputeResult<TensorData> Fail(ComputeError error, string message) => ComputeResult<TensorData>.Fail(error, message);
}
