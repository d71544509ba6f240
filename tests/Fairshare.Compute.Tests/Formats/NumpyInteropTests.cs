using System.Globalization;
using System.Text;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Tests.Tensors;
using Fairshare.Testing;
using FsCheck.Fluent;

namespace Fairshare.Compute.Tests.Formats;

/// <summary>numpy (Debian's python3-numpy) is the reference: we read what it writes, and it reads what we write.</summary>
public sealed class NumpyInteropTests(NumpyFiles numpy) : IClassFixture<NumpyFiles>
{
    /// <summary>The dtype string numpy reports (<c>dtype.str</c>) for each element type.</summary>
    private static readonly Dictionary<TensorElementType, string> NumpyDtype = new()
    {
        [TensorElementType.Float16] = "<f2", [TensorElementType.Float32] = "<f4", [TensorElementType.Float64] = "<f8",
        [TensorElementType.Int8] = "|i1", [TensorElementType.Int16] = "<i2", [TensorElementType.Int32] = "<i4",
        [TensorElementType.Int64] = "<i8", [TensorElementType.UInt8] = "|u1", [TensorElementType.UInt16] = "<u2",
        [TensorElementType.UInt32] = "<u4", [TensorElementType.UInt64] = "<u8", [TensorElementType.Bool] = "|b1",
    };

    public static TheoryData<string> Dtypes() => [.. NumpyFiles.Dtypes];

    [Theory]
    [MemberData(nameof(Dtypes))]
    public void EveryDtypeNumpyWrites_IsReadByUs(string code)
    {
        var read = NpyFormat.Read(numpy.Read($"dtype_{code}.npy"), "a");

        Assert.True(read.IsOk, read.Message);
        TensorAssert.Same(ZeroToFive(code, "a", [2, 3]), read.Value);
    }

    [Fact]
    public void TheExtremesOfFloat16And64BitIntegers_AreReadByUs()
    {
        var halves = NpyFormat.Read(numpy.Read("extremes_f2.npy"), "h").Value!;
        var signed = NpyFormat.Read(numpy.Read("extremes_i8.npy"), "i").Value!;
        var unsigned = NpyFormat.Read(numpy.Read("extremes_u8.npy"), "u").Value!;

        Assert.Equal([Half.MaxValue, Half.MinValue, Half.Epsilon, Half.PositiveInfinity, Half.NegativeZero, (Half)0.333251953125], halves.As<Half>().ToArray());
        Assert.True(Half.IsNegative(halves.As<Half>()[4]));
        Assert.Equal([long.MinValue, long.MaxValue], signed.As<long>().ToArray());
        Assert.Equal([0UL, ulong.MaxValue], unsigned.As<ulong>().ToArray());
    }

    [Theory]
    [InlineData("f2")]
    [InlineData("f4")]
    [InlineData("f8")]
    [InlineData("i2")]
    [InlineData("i4")]
    [InlineData("i8")]
    [InlineData("u2")]
    [InlineData("u4")]
    [InlineData("u8")]
    public void BigEndianArrays_AreSwappedToLittleEndian(string code)
    {
        var read = NpyFormat.Read(numpy.Read($"big_{code}.npy"), "b");

        Assert.True(read.IsOk, read.Message);
        TensorAssert.Same(ZeroToFive(code, "b", [3, 2]), read.Value);
    }

    [Fact]
    public void FortranOrderArrays_AreTransposedToRowMajor()
    {
        var cube = NpyFormat.Read(numpy.Read("fortran_i4.npy"), "c");
        var matrix = NpyFormat.Read(numpy.Read("fortran_f8.npy"), "m");
        var bigEndian = NpyFormat.Read(numpy.Read("big_fortran_f4.npy"), "f");

        Assert.True(cube.IsOk, cube.Message);
        TensorAssert.Same(TensorData.Int32("c", [2, 3, 4], Enumerable.Range(0, 24).ToArray()), cube.Value);
        TensorAssert.Same(TensorData.Float64("m", [2, 3], [0, 1, 2, 3, 4, 5]), matrix.Value!);
        TensorAssert.Same(TensorData.Float32("f", [2, 3], [0, 1, 2, 3, 4, 5]), bigEndian.Value!);
    }

    [Fact]
    public void HeaderVersions2And3_AreRead()
    {
        Assert.Equal(2, numpy.Read("v2.npy")[6]);
        Assert.Equal(3, numpy.Read("v3.npy")[6]);

        TensorAssert.Same(TensorData.Int64("v", [3], [7, 8, 9]), NpyFormat.Read(numpy.Read("v2.npy"), "v").Value!);
        TensorAssert.Same(TensorData.Float32("v", [2], [1.5f, -1.5f]), NpyFormat.Read(numpy.Read("v3.npy"), "v").Value!);
    }

    [Fact]
    public void ScalarsAndEmptyArrays_AreRead()
    {
        TensorAssert.Same(TensorData.Float64("s", [], [2.5]), NpyFormat.Read(numpy.Read("scalar_f8.npy"), "s").Value!);
        TensorAssert.Same(TensorData.Bool("s", [], [true]), NpyFormat.Read(numpy.Read("scalar_b1.npy"), "s").Value!);
        TensorAssert.Same(TensorData.Float32("e", [3, 0], []), NpyFormat.Read(numpy.Read("empty_f4.npy"), "e").Value!);
        TensorAssert.Same(TensorData.UInt16("e", [0], []), NpyFormat.Read(numpy.Read("empty_1d_u2.npy"), "e").Value!);
    }

    [Theory]
    [InlineData("object.npy", ComputeError.NpyObjectArray)]
    [InlineData("unicode.npy", ComputeError.NpyStringDtype)]
    [InlineData("bytes.npy", ComputeError.NpyStringDtype)]
    [InlineData("complex.npy", ComputeError.NpyUnsupportedDtype)]
    [InlineData("datetime.npy", ComputeError.NpyUnsupportedDtype)]
    [InlineData("structured.npy", ComputeError.NpyStructuredDtype)]
    public void ArraysATensorCannotHold_AreRefused(string file, ComputeError expected)
    {
        var read = NpyFormat.Read(numpy.Read(file), "a");

        Assert.Equal(expected, read.Error);
        Assert.False(string.IsNullOrEmpty(read.Message));
        if (expected == ComputeError.NpyUnsupportedDtype) Assert.Contains(NpyFormat.SupportedDtypes, read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NpzArchivesNumpyWrites_AreReadByUs_StoredAndCompressed()
    {
        var stored = NpzFormat.Read(numpy.Read("arrays.npz"));
        var compressed = NpzFormat.Read(numpy.Read("compressed.npz"));

        Assert.True(stored.IsOk, stored.Message);
        TensorAssert.Same(
            [TensorData.Float32("x", [2, 3], [0, 1, 2, 3, 4, 5]), TensorData.Int64("ids", [2], [5, -6]), TensorData.Bool("mask", [2], [false, true])],
            stored.Value);
        Assert.True(compressed.IsOk, compressed.Message);
        TensorAssert.Same([TensorData.Float16("h", [4], [(Half)0, (Half)1, (Half)2, (Half)3]), TensorData.UInt8("b", [1, 2], [1, 2])], compressed.Value);
        using var stream = File.OpenRead(Path.Combine(numpy.Folder, "arrays.npz"));
        TensorAssert.Same(stored.Value, NpzFormat.Read(stream).Value!);
    }

    [Theory]
    [InlineData("same_f4_2x3.npy")]
    [InlineData("same_i8_5.npy")]
    [InlineData("same_b1_2x2.npy")]
    [InlineData("same_f2_scalar.npy")]
    [InlineData("same_u1_empty.npy")]
    [InlineData("same_i1_long.npy")]
    [InlineData("same_f8_rank8.npy")]
    [InlineData("same_u8_wide.npy")]
    public void OurNpyBytes_EqualNumpySave(string file)
    {
        var tensor = file switch
        {
            "same_f4_2x3.npy" => TensorData.Float32("a", [2, 3], [0, 1, 2, 3, 4, 5]),
            "same_i8_5.npy" => TensorData.Int64("a", [5], [-2, -1, 0, 1, 2]),
            "same_b1_2x2.npy" => TensorData.Bool("a", [2, 2], [true, false, false, true]),
            "same_f2_scalar.npy" => TensorData.Float16("a", [], [(Half)(-1.5)]),
            "same_u1_empty.npy" => TensorData.UInt8("a", [0], []),
            "same_i1_long.npy" => TensorData.Int8("a", [123456], new sbyte[123456]),
            "same_f8_rank8.npy" => TensorData.Float64("a", [1, 1, 1, 1, 1, 1, 2, 3], [0, 1, 2, 3, 4, 5]),
            _ => TensorData.UInt64("a", [1, 1234567890123, 0], []),
        };

        byte[] ours = NpyFormat.Write(tensor);

        Assert.Equal(numpy.Read(file), ours);
        Assert.Equal(0, (ours.Length - tensor.Data.Length) % NpyFormat.Alignment);
    }

    [Fact]
    public void Numpy_ReadsEveryNpyAndNpzWeWrite()
    {
        var literals = new[]
        {
            TensorData.Float32("literal_f4", [2, 3], [1.5f, -2f, 0.25f, 1024f, -0.125f, 3f]),
            TensorData.Float16("literal_f2", [3], [(Half)0.5, Half.MaxValue, Half.NegativeInfinity]),
            TensorData.Bool("literal_b1", [2], [true, false]),
            TensorData.UInt64("literal_u8", [], [ulong.MaxValue]),
            TensorData.Int8("literal_i1", [0, 2], []),
        };
        var random = TensorGenerators.Tensor("r").Sample(size: 30, numberOfSamples: 60).Select((t, i) => t with { Name = $"r{i}" }).ToArray();
        var manifest = new StringBuilder();
        foreach (var tensor in literals.Concat(random))
        {
            File.WriteAllBytes(Path.Combine(numpy.Folder, $"ours_{tensor.Name}.npy"), NpyFormat.Write(tensor));
            manifest.AppendLine(Line($"ours_{tensor.Name}.npy", tensor));
        }

        File.WriteAllBytes(Path.Combine(numpy.Folder, "ours.npz"), NpzFormat.Write([.. literals, .. random]));
        foreach (var tensor in literals.Concat(random)) manifest.AppendLine(Line("ours.npz", tensor));
        File.WriteAllText(Path.Combine(numpy.Folder, "manifest.txt"), manifest.ToString());

        string output = Python.Run("""
            import sys, numpy as np
            d = sys.argv[1]
            checked = 0
            for line in open(f'{d}/manifest.txt'):
                file, key, descr, shape, data = line.rstrip('\n').split('\t')
                shape = tuple(int(s) for s in shape.split(',') if s)
                if file.endswith('.npz'):
                    with np.load(f'{d}/{file}') as z:
                        a = z[key]
                else:
                    a = np.load(f'{d}/{file}')
                assert a.dtype.str == descr, (file, key, a.dtype.str, descr)
                assert a.shape == shape, (file, key, a.shape, shape)
                assert a.tobytes() == bytes.fromhex(data), (file, key)
                checked += 1
            a = np.load(f'{d}/ours_literal_f4.npy')
            assert a.dtype == np.float32 and a.tolist() == [[1.5, -2.0, 0.25], [1024.0, -0.125, 3.0]], a
            a = np.load(f'{d}/ours_literal_f2.npy')
            assert a.dtype == np.float16 and a[0] == 0.5 and a[1] == 65504 and np.isneginf(a[2]), a
            assert np.load(f'{d}/ours_literal_b1.npy').tolist() == [True, False]
            assert np.load(f'{d}/ours_literal_u8.npy')[()] == 2**64 - 1
            assert np.load(f'{d}/ours_literal_i1.npy').shape == (0, 2)
            with np.load(f'{d}/ours.npz') as z:
                assert z.files[:5] == ['literal_f4', 'literal_f2', 'literal_b1', 'literal_u8', 'literal_i1'], z.files
            print(checked)
            """, numpy.Folder);

        Assert.Equal(2 * (literals.Length + random.Length), int.Parse(output.Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>A manifest line of tab-separated fields: file, array name, numpy dtype, shape, the element bytes in hex.</summary>
    private static string Line(string file, TensorData tensor) =>
        $"{file}\t{tensor.Name}\t{NumpyDtype[tensor.Type]}\t{string.Join(',', tensor.Shape)}\t{Convert.ToHexString(tensor.Data)}";

    /// <summary>The values 0 … 5 in the element type numpy's <paramref name="code"/> names.</summary>
    private static TensorData ZeroToFive(string code, string name, long[] shape)
    {
        int[] v = [0, 1, 2, 3, 4, 5];
        return code switch
        {
            "f2" => TensorData.Float16(name, shape, [.. v.Select(x => (Half)x)]),
            "f4" => TensorData.Float32(name, shape, [.. v.Select(x => (float)x)]),
            "f8" => TensorData.Float64(name, shape, [.. v.Select(x => (double)x)]),
            "i1" => TensorData.Int8(name, shape, [.. v.Select(x => (sbyte)x)]),
            "i2" => TensorData.Int16(name, shape, [.. v.Select(x => (short)x)]),
            "i4" => TensorData.Int32(name, shape, v),
            "i8" => TensorData.Int64(name, shape, [.. v.Select(x => (long)x)]),
            "u1" => TensorData.UInt8(name, shape, [.. v.Select(x => (byte)x)]),
            "u2" => TensorData.UInt16(name, shape, [.. v.Select(x => (ushort)x)]),
            "u4" => TensorData.UInt32(name, shape, [.. v.Select(x => (uint)x)]),
            "u8" => TensorData.UInt64(name, shape, [.. v.Select(x => (ulong)x)]),
            "b1" => TensorData.Bool(name, shape, [true, false, true, false, false, true]),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a dtype of the test files"),
        };
    }
}
