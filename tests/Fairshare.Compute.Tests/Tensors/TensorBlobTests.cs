using System.Buffers.Binary;
using Fairshare.Compute.Tensors;
using FsCheck.Xunit;

namespace Fairshare.Compute.Tests.Tensors;

public sealed class TensorBlobTests
{
    private static readonly TensorData[] Sample =
    [
        TensorData.Float32("x", [2, 3], [1f, -2.5f, 3e-8f, float.MaxValue, float.NegativeInfinity, 0f]),
        TensorData.Int64("ids", [4], [long.MinValue, -1, 0, long.MaxValue]),
        TensorData.Float32("scalar", [], [42f]),
        TensorData.Int64("empty", [3, 0], []),
        TensorData.Float32("naïve ✓", [1], [1f]),
    ];

    private static byte[] SampleBlob => TensorBlob.Encode(Sample);

    [Fact]
    public void RoundTrip_KeepsNamesTypesShapesBytesAndOrder()
    {
        var decoded = TensorBlob.Decode(SampleBlob);

        Assert.True(decoded.IsOk, decoded.Message);
        Assert.Equal(Sample.Length, decoded.Value.Tensors.Length);
        for (int i = 0; i < Sample.Length; i++)
        {
            var (expected, actual) = (Sample[i], decoded.Value.Tensors[i]);
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Data, actual.Data);
        }

        Assert.Equal(SampleBlob, decoded.Value.Encode());
        Assert.Equal(Sample[1].AsInt64().ToArray(), decoded.Value.Find("ids")!.AsInt64().ToArray());
        Assert.Null(decoded.Value.Find("X"));
    }

    [Fact]
    public void Layout_IsTheDocumentedOne()
    {
        byte[] blob = TensorBlob.Encode([TensorData.Float32("y", [2], [1f, 2f])]);

        byte[] expected =
        [
            (byte)'F', (byte)'S', (byte)'T', (byte)'B', 1, 1, 0, 0, 0, // magic, version, count
            1, 0, (byte)'y', 1, 1, // name length, name, float32, rank 1
            2, 0, 0, 0, 0, 0, 0, 0, // dim 2
            0, 0, 0x80, 0x3F, 0, 0, 0, 0x40, // 1f, 2f little-endian
        ];
        Assert.Equal(expected, blob);
    }

    [Property(MaxTest = 100, StartSize = 10, EndSize = 50, Arbitrary = [typeof(TensorGenerators)])]
    public void TensorsOfEveryElementType_RoundTrip(TensorData tensor)
    {
        byte[] blob = TensorBlob.Encode([tensor]);
        var decoded = TensorBlob.Decode(blob);

        Assert.True(decoded.IsOk, decoded.Message);
        TensorAssert.Same(tensor, decoded.Value.Tensors[0]);
        Assert.Equal((byte)tensor.Type, blob[9 + 2 + TensorWire.StrictUtf8.GetByteCount(tensor.Name)]);
    }

    [Fact]
    public void ElementTypeBytes_AreOnnxDataTypeNumbers()
    {
        var expected = new Dictionary<TensorElementType, byte>
        {
            [TensorElementType.Float32] = 1, [TensorElementType.UInt8] = 2, [TensorElementType.Int8] = 3,
            [TensorElementType.UInt16] = 4, [TensorElementType.Int16] = 5, [TensorElementType.Int32] = 6,
            [TensorElementType.Int64] = 7, [TensorElementType.Bool] = 9, [TensorElementType.Float16] = 10,
            [TensorElementType.Float64] = 11, [TensorElementType.UInt32] = 12, [TensorElementType.UInt64] = 13,
        };

        Assert.Equal(expected.Keys.Order(), Enum.GetValues<TensorElementType>().Order());
        foreach (var (type, number) in expected) Assert.Equal(number, (byte)type);
    }

    [Fact]
    public void EveryTruncation_IsAnError_NotAnException()
    {
        byte[] blob = SampleBlob;
        for (int length = 0; length < blob.Length; length++)
        {
            var decoded = TensorBlob.Decode(blob.AsSpan(0, length));
            Assert.False(decoded.IsOk, $"a blob cut to {length} bytes decoded");
            Assert.Equal(ComputeError.BlobTruncated, decoded.Error);
            Assert.NotNull(decoded.Message);
        }
    }

    [Property(MaxTest = 300)]
    public void CorruptingAnyByte_NeverThrows(ushort position, byte value)
    {
        byte[] blob = SampleBlob;
        blob[position % blob.Length] = value;

        var decoded = TensorBlob.Decode(blob);

        Assert.True(decoded.IsOk || decoded.Message is not null);
    }

    public static TheoryData<string, byte[], ComputeError> Malformed()
    {
        var data = new TheoryData<string, byte[], ComputeError>
        {
            { "empty", [], ComputeError.BlobTruncated },
            { "bad magic", Edit(b => b[0] = (byte)'X'), ComputeError.BlobBadMagic },
            { "version 2", Edit(b => b[4] = 2), ComputeError.BlobUnsupportedVersion },
            { "too many tensors", Edit(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(5), TensorBlob.MaxTensors + 1)), ComputeError.BlobTooManyTensors },
            { "count larger than content", Edit(b => b[5] = 2), ComputeError.BlobTruncated },
            { "count smaller than content", Edit(b => b[5] = 0), ComputeError.BlobTrailingBytes },
            { "trailing byte", [.. One(), 0], ComputeError.BlobTrailingBytes },
            { "empty name", Edit(b => b[9] = 0), ComputeError.BlobBadName },
            { "name too long", Edit(b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(9), TensorBlob.MaxNameBytes + 1)), ComputeError.BlobBadName },
            { "name not UTF-8", Edit(b => b[11] = 0xFF), ComputeError.BlobBadName },
            { "string element type", Edit(b => b[12] = 8), ComputeError.BlobUnknownElementType },
            { "bfloat16 element type", Edit(b => b[12] = 16), ComputeError.BlobUnknownElementType },
            { "element type 0", Edit(b => b[12] = 0), ComputeError.BlobUnknownElementType },
            { "rank 9", Edit(b => b[13] = TensorBlob.MaxRank + 1), ComputeError.BlobRankTooLarge },
            { "negative dimension", Edit(b => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(14), -2)), ComputeError.BlobBadDimension },
            { "dimension larger than the data", Edit(b => b[14] = 3), ComputeError.BlobTruncated },
            { "element count overflows", Edit(b => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(14), long.MaxValue / 2)), ComputeError.BlobSizeOverflow },
        };
        byte[] flags = TensorBlob.Encode([TensorData.Bool("m", [3], [true, false, true])]);
        flags[^2] = 2; // the middle element
        data.Add("bool byte 2", flags, ComputeError.BlobBadBool);
        byte[] twice = TensorBlob.Encode([TensorData.Float32("a", [1], [1f]), TensorData.Float32("b", [1], [2f])]);
        twice[9 + 2 + 1 + 1 + 1 + 8 + 4 + 2] = (byte)'a'; // rename the second tensor "a"
        data.Add("duplicate name", twice, ComputeError.BlobDuplicateName);
        return data;
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedBlob_GivesItsError(string what, byte[] blob, ComputeError expected)
    {
        var decoded = TensorBlob.Decode(blob);

        Assert.False(decoded.IsOk, what);
        Assert.Equal(expected, decoded.Error);
        Assert.False(string.IsNullOrEmpty(decoded.Message));
    }

    [Fact]
    public void Encode_RefusesTensorsBuiltWrongly()
    {
        var good = TensorData.Float32("a", [1], [1f]);
        Assert.Throws<ArgumentException>(() => TensorBlob.Encode([good, good]));
        Assert.Throws<ArgumentException>(() => TensorBlob.Encode([good with { Shape = [2] }]));
        Assert.Throws<ArgumentException>(() => TensorData.Float32("a", [2, 2], [1f, 2f]));
        Assert.Throws<ArgumentException>(() => TensorBlob.Encode([TensorData.UInt8("m", [1], [2]) with { Type = TensorElementType.Bool }]));
    }

    /// <summary>A blob of one float32 tensor "y" [2]: name at 11, type at 12, rank at 13, the dimension at 14..21.</summary>
    private static byte[] One() => TensorBlob.Encode([TensorData.Float32("y", [2], [1f, 2f])]);

    private static byte[] Edit(Action<byte[]> edit)
    {
        byte[] blob = One();
        edit(blob);
        return blob;
    }
}
