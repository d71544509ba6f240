using System.Buffers.Binary;
using System.Text;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Tests.Tensors;
using FsCheck.Xunit;

namespace Fairshare.Compute.Tests.Formats;

public sealed class NpyFormatTests
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private const string Float32Pair = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";

    /// <summary>A .npy file with this header text (not padded) and data, in header version <paramref name="major"/>.0.</summary>
    private static byte[] Npy(string header, byte[] data, byte major = 1)
    {
        byte[] text = major == 3 ? Encoding.UTF8.GetBytes(header) : Encoding.Latin1.GetBytes(header);
        int lengthSize = major == 1 ? 2 : 4;
        var file = new byte[8 + lengthSize + text.Length + data.Length];
        Magic.CopyTo(file, 0);
        file[6] = major;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)text.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), (uint)text.Length);
        text.CopyTo(file, 8 + lengthSize);
        data.CopyTo(file, 8 + lengthSize + text.Length);
        return file;
    }

    private static readonly byte[] OneAndTwo = [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40]; // 1f, 2f

    [Property(MaxTest = 100, StartSize = 10, EndSize = 50, Arbitrary = [typeof(TensorGenerators)])]
    public void EveryTensor_RoundTrips(TensorData tensor)
    {
        byte[] file = NpyFormat.Write(tensor);
        var read = NpyFormat.Read(file, tensor.Name);

        Assert.True(read.IsOk, read.Message);
        TensorAssert.Same(tensor, read.Value);
        Assert.Equal(0, (file.Length - tensor.Data.Length) % NpyFormat.Alignment);
        Assert.Equal((byte)'\n', file[file.Length - tensor.Data.Length - 1]);
    }

    [Fact]
    public void Header_IsWhatNumpyWrites()
    {
        byte[] file = NpyFormat.Write(TensorData.Float32("a", [2], [1f, 2f]));

        string header = Encoding.ASCII.GetString(file, 10, file.Length - 10 - 8);
        Assert.Equal(Magic, file[..6]);
        Assert.Equal([1, 0], file[6..8]);
        Assert.Equal(118, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)));
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }" + new string(' ', 20 + 40) + "\n", header);
        Assert.Equal(OneAndTwo, file[^8..]);
    }

    [Theory]
    [InlineData("{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}")]
    [InlineData("{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2,)}")]
    [InlineData("  { 'descr' : '<f4' ,\n 'fortran_order':False,'shape':( 2 , ) , }   \n")]
    [InlineData("{'descr': '=f4', 'fortran_order': False, 'shape': (2,), }")]
    [InlineData("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }")]
    public void AnyKeyOrderQuotingAndSpacingPythonReads_IsAccepted(string header)
    {
        var read = NpyFormat.Read(Npy(header, OneAndTwo), "a");

        Assert.True(read.IsOk, read.Message);
        TensorAssert.Same(TensorData.Float32("a", [2], [1f, 2f]), read.Value);
    }

    [Fact]
    public void OneByteDtypes_TakeAnyByteOrderMark()
    {
        foreach (string descr in new[] { "|u1", "<u1", ">u1", "=u1" })
        {
            var read = NpyFormat.Read(Npy($"{{'descr': '{descr}', 'fortran_order': False, 'shape': (2,), }}", [7, 200]), "a");
            TensorAssert.Same(TensorData.UInt8("a", [2], [7, 200]), read.Value!);
        }
    }

    public static TheoryData<string, byte[], ComputeError> Malformed() => new()
    {
        { "empty", [], ComputeError.NpyTruncated },
        { "only the magic", Magic, ComputeError.NpyTruncated },
        { "a zip file", [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0], ComputeError.NpyBadMagic },
        { "bad magic", Edit(Npy(Float32Pair, OneAndTwo), b => b[5] = (byte)'X'), ComputeError.NpyBadMagic },
        { "version 4.0", Edit(Npy(Float32Pair, OneAndTwo), b => b[6] = 4), ComputeError.NpyUnsupportedVersion },
        { "version 1.1", Edit(Npy(Float32Pair, OneAndTwo), b => b[7] = 1), ComputeError.NpyUnsupportedVersion },
        { "cut in the header length", Npy(Float32Pair, OneAndTwo)[..9], ComputeError.NpyTruncated },
        { "cut in the header", Npy(Float32Pair, OneAndTwo)[..40], ComputeError.NpyTruncated },
        { "cut in the data", Npy(Float32Pair, OneAndTwo)[..^1], ComputeError.NpyTruncated },
        { "trailing bytes", [.. Npy(Float32Pair, OneAndTwo), 0], ComputeError.NpyTrailingBytes },
        { "bool byte 2", Npy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", [1, 2, 0]), ComputeError.NpyBadBool },
        { "rank 9", Npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1, 1, 1, 1, 1, 1, 1, 1), }", [0]), ComputeError.NpyRankTooLarge },
        { "byte size overflows", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", []), ComputeError.NpySizeOverflow },
        { "dimension beyond 64 bits", Npy("{'descr': '|u1', 'fortran_order': False, 'shape': (99999999999999999999,), }", []), ComputeError.NpySizeOverflow },
        { "object array", Npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]), ComputeError.NpyObjectArray },
        { "unicode", Npy("{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }", new byte[12]), ComputeError.NpyStringDtype },
        { "byte strings", Npy("{'descr': '|S3', 'fortran_order': False, 'shape': (1,), }", new byte[3]), ComputeError.NpyStringDtype },
        { "structured", Npy("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]), ComputeError.NpyStructuredDtype },
        { "complex", Npy("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), ComputeError.NpyUnsupportedDtype },
        { "float128", Npy("{'descr': '<f16', 'fortran_order': False, 'shape': (1,), }", new byte[16]), ComputeError.NpyUnsupportedDtype },
        { "no byte order", Npy("{'descr': 'f4', 'fortran_order': False, 'shape': (2,), }", OneAndTwo), ComputeError.NpyUnsupportedDtype },
        { "| order on float32", Npy("{'descr': '|f4', 'fortran_order': False, 'shape': (2,), }", OneAndTwo), ComputeError.NpyUnsupportedDtype },
        { "missing shape", Npy("{'descr': '<f4', 'fortran_order': False, }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "extra key", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "repeated key", Npy("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "descr not a string", Npy("{'descr': 5, 'fortran_order': False, 'shape': (2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "fortran_order lower case", Npy("{'descr': '<f4', 'fortran_order': false, 'shape': (2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "fortran_order Falsey", Npy("{'descr': '<f4', 'fortran_order': Falsey, 'shape': (2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "shape (2) is a number", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "shape a list", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "negative dimension", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "float dimension", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2.0,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "leading zero", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (02,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "two commas", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "missing comma", Npy("{'descr': '<f4' 'fortran_order': False, 'shape': (2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "not a dict", Npy("['<f4', False, (2,)]", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "unclosed dict", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), ", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "text after the dict", Npy(Float32Pair + " x", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "unterminated string", Npy("{'descr': '<f4, 'fortran_order': False, 'shape': (2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "escape in a string", Npy("{'descr': '<f\\x34', 'fortran_order': False, 'shape': (2,), }", OneAndTwo), ComputeError.NpyMalformedHeader },
        { "version 3 header not UTF-8", Edit(Npy(Float32Pair, OneAndTwo, major: 3), b => b[14] = 0xFF), ComputeError.NpyMalformedHeader },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedFile_GivesItsError(string what, byte[] file, ComputeError expected)
    {
        var read = NpyFormat.Read(file, "a");

        Assert.False(read.IsOk, what);
        Assert.Equal(expected, read.Error);
        Assert.False(string.IsNullOrEmpty(read.Message));
    }

    [Property(MaxTest = 300)]
    public void CorruptingBytes_NeverThrows(int seed, byte corruptions)
    {
        byte[] file = NpyFormat.Write(TensorData.Bool("m", [2, 3], [true, false, true, true, false, false]));
        var random = new Random(seed);
        for (int i = 0; i <= corruptions % 4; i++) file[random.Next(file.Length)] = (byte)random.Next(256);

        var read = NpyFormat.Read(file, "m");

        Assert.True(read.IsOk || read.Message is not null);
    }

    [Fact]
    public void EveryPrefixOfAFile_IsRefused()
    {
        byte[] file = NpyFormat.Write(TensorData.Int16("v", [3], [1, -2, 3]));
        for (int length = 0; length < file.Length; length++)
        {
            var read = NpyFormat.Read(file.AsSpan(0, length), "v");
            Assert.Equal(ComputeError.NpyTruncated, read.Error);
        }
    }

    [Fact]
    public void Version2And3Headers_AreRead()
    {
        TensorAssert.Same(TensorData.Float32("a", [2], [1f, 2f]), NpyFormat.Read(Npy(Float32Pair, OneAndTwo, major: 2), "a").Value!);
        TensorAssert.Same(TensorData.Float32("a", [2], [1f, 2f]), NpyFormat.Read(Npy(Float32Pair, OneAndTwo, major: 3), "a").Value!);
    }

    [Fact]
    public void Write_RefusesTensorsBuiltWrongly()
    {
        Assert.Throws<ArgumentException>(() => NpyFormat.Write(TensorData.UInt8("r", [1, 1, 1, 1, 1, 1, 1, 1, 1], [0])));
        Assert.Throws<ArgumentException>(() => NpyFormat.Write(TensorData.UInt8("r", [2], [0, 1]) with { Shape = [3] }));
        Assert.Throws<ArgumentException>(() => NpyFormat.Read(OneAndTwo, ""));
    }

    private static byte[] Edit(byte[] file, Action<byte[]> edit)
    {
        byte[] copy = (byte[])file.Clone();
        edit(copy);
        return copy;
    }
}
