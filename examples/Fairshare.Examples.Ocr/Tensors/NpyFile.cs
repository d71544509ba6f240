using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Fairshare.Examples.Ocr.Tensors;

/// <summary>
/// STAND-IN, to be replaced by <c>Fairshare.Compute.Formats.NpyFormat</c> when that lands on main: the smallest
/// <c>.npy</c> writer and reader this example needs (float32, little-endian, C order). The layout, from NumPy's
/// <c>numpy/lib/format.py</c>: the magic <c>\x93NUMPY</c>, version bytes 1 and 0, a little-endian uint16 header length,
/// then an ASCII Python dict literal padded with spaces and ended by a newline so the data starts on a multiple of
/// 64 bytes, then the raw values.
/// </summary>
internal static partial class NpyFile
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The <c>.npy</c> bytes of <paramref name="tensor"/> (format version 1.0).</summary>
    public static byte[] Write(FloatTensor tensor)
    {
        string shape = tensor.Shape.Count == 1 ? $"({tensor.Shape[0]},)" : $"({string.Join(", ", tensor.Shape)})";
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";
        int preamble = Magic.Length + 2 + 2;
        int headerLength = (preamble + dict.Length + 1 + 63) / 64 * 64 - preamble;
        string header = dict.PadRight(headerLength - 1) + "\n";

        var bytes = new byte[preamble + headerLength + tensor.Values.Length * sizeof(float)];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)headerLength));
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(preamble));
        var data = bytes.AsSpan(preamble + headerLength);
        for (int i = 0; i < tensor.Values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(data[(i * sizeof(float))..], tensor.Values[i]);
        return bytes;
    }

    /// <summary>Reads <c>.npy</c> bytes (format 1.0, 2.0 or 3.0) holding little-endian float32 values in C order.</summary>
    public static FloatTensor Read(byte[] bytes, string source)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic)) throw Bad(source, "it does not start with the .npy magic");
        int major = bytes[6];
        int lengthSize = major switch { 1 => 2, 2 or 3 => 4, _ => throw Bad(source, $"format version {major}.{bytes[7]} is unknown") };
        long headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8))
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        long dataStart = 8 + lengthSize + headerLength;
        if (dataStart > bytes.Length) throw Bad(source, "the header runs past the end of the file");
        string header = Encoding.UTF8.GetString(bytes, 8 + lengthSize, (int)headerLength);

        var descr = DescrPattern().Match(header);
        if (!descr.Success || descr.Groups[1].Value != "<f4")
            throw Bad(source, $"only little-endian float32 ('<f4') is read; the header says {(descr.Success ? descr.Groups[1].Value : "no descr")}");
        if (!FortranPattern().IsMatch(header)) throw Bad(source, "only C-order arrays (fortran_order False) are read");
        var shapeMatch = ShapePattern().Match(header);
        if (!shapeMatch.Success) throw Bad(source, "the header has no shape");
        int[] shape = shapeMatch.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();

        long count = shape.Aggregate(1L, (product, dim) => product * dim);
        if (bytes.Length - dataStart != count * sizeof(float))
            throw Bad(source, $"shape ({string.Join(", ", shape)}) needs {count * sizeof(float)} data bytes; the file has {bytes.Length - dataStart}");
        var values = new float[count];
        var data = bytes.AsSpan((int)dataStart);
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * sizeof(float))..]);
        return new FloatTensor(shape, values);
    }

    private static InvalidDataException Bad(string source, string why) => new($"{source} is not a float32 .npy file this example reads: {why}");

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*False")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([\d,\s]*)\)")]
    private static partial Regex ShapePattern();
}
