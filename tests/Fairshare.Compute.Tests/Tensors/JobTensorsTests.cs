using System.Buffers.Binary;
using System.Collections.Immutable;
using Fairshare.Compute.Tensors;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Fairshare.Compute.Tests.Tensors;

public sealed class JobTensorsTests
{
    private static readonly TensorData X = TensorData.Float32("x", [3, 2], [0f, 1f, 2f, 3f, 4f, 5f]);
    private static readonly TensorData Ids = TensorData.Int64("ids", [3], [10, 20, 30]);

    private static JobItem Item(string name, params TensorData[] tensors) => new(name, [.. tensors]);

    private static JobTensors Folder(params JobItem[] items) => new(JobLayout.Folder, [.. items], ComputeError.None);

    /// <summary>A Folder blob of two items, "a" and "b", each holding one uint8 tensor "m" [1].</summary>
    private static byte[] TwoItems() => Folder(Item("a", TensorData.UInt8("m", [1], [7])), Item("b", TensorData.UInt8("m", [1], [8]))).Encode();

    [Fact]
    public void Version2Layout_IsTheDocumentedOne()
    {
        byte[] blob = Folder(Item("a", TensorData.UInt8("m", [1], [7]))).Encode();

        byte[] expected =
        [
            (byte)'F', (byte)'S', (byte)'T', (byte)'B', 2, 2, 0, 0, 1, 0, 0, 0, // magic, version 2, Folder, no fault, 1 item
            1, 0, (byte)'a', 1, 0, 0, 0, // item name "a", 1 tensor
            1, 0, (byte)'m', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 7, // "m", uint8, rank 1, dim 1, the element
        ];
        Assert.Equal(expected, blob);
    }

    [Fact]
    public void AFault_IsAHeaderWithoutItems()
    {
        byte[] blob = JobTensors.Failed(JobLayout.Stacked, ComputeError.RunFailed).Encode();

        Assert.Equal([(byte)'F', (byte)'S', (byte)'T', (byte)'B', 2, 3, 202, 0, 0, 0, 0, 0], blob);
        var decoded = JobTensors.Decode(blob);
        Assert.True(decoded.IsOk, decoded.Message);
        Assert.True(decoded.Value.IsFault);
        Assert.Equal(ComputeError.RunFailed, decoded.Value.Fault);
        Assert.Equal(JobLayout.Stacked, decoded.Value.Layout);
        Assert.Empty(decoded.Value.Items);
    }

    [Property(MaxTest = 60, StartSize = 10, EndSize = 40)]
    public Property ASingleUnnamedFaultFreeValue_IsExactlyAVersion1Blob() =>
        Prop.ForAll(Arb.From(TensorGenerators.TensorList()), tensors =>
        {
            byte[] blob = JobTensors.Single(tensors).Encode();

            Assert.Equal(TensorBlob.Encode(tensors), blob);
            Assert.Equal(TensorBlob.Version, blob[4]);
            var decoded = JobTensors.Decode(blob);
            Assert.True(decoded.IsOk, decoded.Message);
            TensorAssert.Same(JobTensors.Single(tensors), decoded.Value);
        });

    [Fact]
    public void Version1Blobs_DecodeAsOneUnnamedSingleItem()
    {
        var decoded = JobTensors.Decode(TensorBlob.Encode([X, Ids]));

        Assert.True(decoded.IsOk, decoded.Message);
        Assert.Equal(JobLayout.Single, decoded.Value.Layout);
        Assert.Equal(ComputeError.None, decoded.Value.Fault);
        Assert.Equal("", Assert.Single(decoded.Value.Items).Name);
        TensorAssert.Same([X, Ids], decoded.Value.Items[0].Tensors);
    }

    [Fact]
    public void ANamedSingleItem_NeedsVersion2()
    {
        var named = new JobTensors(JobLayout.Single, [Item("img", X)], ComputeError.None);

        byte[] blob = named.Encode();

        Assert.Equal(JobTensors.Version, blob[4]);
        TensorAssert.Same(named, JobTensors.Decode(blob).Value!);
    }

    [Property(MaxTest = 150, StartSize = 5, EndSize = 40, Arbitrary = [typeof(TensorGenerators)])]
    public void EveryValue_RoundTrips_AndItsEncodingIsCanonical(JobTensors job)
    {
        byte[] blob = job.Encode();
        var decoded = JobTensors.Decode(blob);

        Assert.True(decoded.IsOk, decoded.Message);
        TensorAssert.Same(job, decoded.Value);
        Assert.Equal(blob, decoded.Value.Encode());
        bool v1 = job is { Layout: JobLayout.Single, IsFault: false } && job.Items[0].Name.Length == 0;
        Assert.Equal(v1 ? TensorBlob.Version : JobTensors.Version, blob[4]);
    }

    [Property(MaxTest = 40, StartSize = 5, EndSize = 30, Arbitrary = [typeof(TensorGenerators)])]
    public void EveryPrefixOfABlob_IsATruncationError(JobTensors job)
    {
        byte[] blob = job.Encode();
        for (int length = 0; length < blob.Length; length++)
        {
            var decoded = JobTensors.Decode(blob.AsSpan(0, length));
            Assert.False(decoded.IsOk, $"a blob cut to {length} of {blob.Length} bytes decoded");
            Assert.Equal(ComputeError.BlobTruncated, decoded.Error);
            Assert.False(string.IsNullOrEmpty(decoded.Message));
        }
    }

    [Property(MaxTest = 300)]
    public void CorruptingBytes_NeverThrows(int seed, byte corruptions)
    {
        byte[] blob = SampleVersion2();
        var random = new Random(seed);
        for (int i = 0; i <= corruptions % 4; i++) blob[random.Next(blob.Length)] = (byte)random.Next(256);

        var decoded = JobTensors.Decode(blob);

        Assert.True(decoded.IsOk || decoded.Message is not null);
    }

    [Fact]
    public void CorruptingAnySingleByteOfAVersion2Blob_NeverThrows()
    {
        byte[] original = SampleVersion2();
        for (int position = 0; position < original.Length; position++)
        {
            foreach (byte value in new byte[] { 0, 1, 2, 0x7F, 0x80, 0xFF })
            {
                byte[] blob = (byte[])original.Clone();
                blob[position] = value;
                var decoded = JobTensors.Decode(blob);
                Assert.True(decoded.IsOk || decoded.Message is not null);
            }
        }
    }

    public static TheoryData<string, byte[], ComputeError> Malformed()
    {
        byte[] fault = JobTensors.Failed(JobLayout.Folder, ComputeError.RunFailed).Encode();
        byte[] bodyOfX = TensorBlob.Encode([X])[5..]; // tensor count and the tensor, as inside an item
        return new TheoryData<string, byte[], ComputeError>
        {
            { "empty", [], ComputeError.BlobTruncated },
            { "bad magic", Edit(TwoItems(), b => b[1] = (byte)'X'), ComputeError.BlobBadMagic },
            { "version 3", Edit(TwoItems(), b => b[4] = 3), ComputeError.BlobUnsupportedVersion },
            { "version 0", Edit(TwoItems(), b => b[4] = 0), ComputeError.BlobUnsupportedVersion },
            { "header cut", TwoItems()[..11], ComputeError.BlobTruncated },
            { "layout 0", Edit(TwoItems(), b => b[5] = 0), ComputeError.BlobUnknownLayout },
            { "layout 4", Edit(TwoItems(), b => b[5] = 4), ComputeError.BlobUnknownLayout },
            { "fault with items", Edit(fault, b => b[8] = 1), ComputeError.BlobFaultWithItems },
            { "bytes after a fault", [.. fault, 0], ComputeError.BlobTrailingBytes },
            { "no items and no fault", Edit(fault, b => b[6] = 0), ComputeError.BlobBadItemCount },
            { "too many items", Edit(TwoItems(), b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), JobTensors.MaxItems + 1)), ComputeError.BlobBadItemCount },
            { "two items in Single", Edit(TwoItems(), b => b[5] = (byte)JobLayout.Single), ComputeError.BlobBadItemCount },
            { "more items than the blob holds", Edit(TwoItems(), b => b[8] = 3), ComputeError.BlobTruncated },
            { "fewer items than the blob holds", Edit(TwoItems(), b => b[8] = 1), ComputeError.BlobTrailingBytes },
            { "item name too long", Edit(TwoItems(), b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), TensorBlob.MaxNameBytes + 1)), ComputeError.BlobBadItemName },
            { "item name not UTF-8", Edit(TwoItems(), b => b[14] = 0xC3), ComputeError.BlobBadItemName },
            { "repeated item name", Edit(TwoItems(), b => b[35] = (byte)'a'), ComputeError.BlobDuplicateItemName },
            { "stacked items not named by index", Edit(TwoItems(), b => b[5] = (byte)JobLayout.Stacked), ComputeError.BlobStackedItemName },
            { "unnamed fault-free Single as version 2", [.. "FSTB"u8, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, .. bodyOfX], ComputeError.BlobNotCanonical },
            { "a tensor's bool byte", Edit(Folder(Item("a", TensorData.Bool("m", [1], [true]))).Encode(), b => b[^1] = 2), ComputeError.BlobBadBool },
            { "a tensor's unknown type", Edit(TwoItems(), b => b[22] = 16), ComputeError.BlobUnknownElementType },
            { "too many tensors in an item", Edit(TwoItems(), b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(15), TensorBlob.MaxTensors + 1)), ComputeError.BlobTooManyTensors },
            { "trailing byte", [.. TwoItems(), 0], ComputeError.BlobTrailingBytes },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedVersion2Blob_GivesItsError(string what, byte[] blob, ComputeError expected)
    {
        var decoded = JobTensors.Decode(blob);

        Assert.False(decoded.IsOk, what);
        Assert.Equal(expected, decoded.Error);
        Assert.False(string.IsNullOrEmpty(decoded.Message));
    }

    [Fact]
    public void ATensorErrorInsideAnItem_NamesTheItem()
    {
        byte[] blob = Edit(Folder(Item("cat", TensorData.Bool("m", [1], [true]))).Encode(), b => b[^1] = 5);

        var decoded = JobTensors.Decode(blob);

        Assert.Equal(ComputeError.BlobBadBool, decoded.Error);
        Assert.Contains("item \"cat\"", decoded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFaultCode_IsKept()
    {
        byte[] blob = [.. "FSTB"u8, 2, (byte)JobLayout.Folder, 0x39, 0x30, 0, 0, 0, 0]; // fault 12345

        var decoded = JobTensors.Decode(blob);

        Assert.True(decoded.IsOk, decoded.Message);
        Assert.Equal((ComputeError)12345, decoded.Value.Fault);
        Assert.Equal(blob, decoded.Value.Encode());
    }

    [Fact]
    public void Encode_RefusesValuesThatBreakTheFormat()
    {
        var a = Item("a", X);
        Assert.Throws<ArgumentException>(() => new JobTensors(JobLayout.Single, [a, Item("b", X)], ComputeError.None).Encode());
        Assert.Throws<ArgumentException>(() => Folder(a, a).Encode());
        Assert.Throws<ArgumentException>(() => Folder().Encode());
        Assert.Throws<ArgumentException>(() => new JobTensors(JobLayout.Stacked, [Item("1", X)], ComputeError.None).Encode());
        Assert.Throws<ArgumentException>(() => new JobTensors(JobLayout.Folder, [a], ComputeError.RunFailed).Encode());
        Assert.Throws<ArgumentException>(() => Folder(Item(new string('n', TensorBlob.MaxNameBytes + 1), X)).Encode());
        Assert.Throws<ArgumentException>(() => Folder(Item("a", X, X)).Encode());
        Assert.Throws<ArgumentException>(() => new JobTensors((JobLayout)9, [a], ComputeError.None).Encode());
        Assert.Throws<ArgumentOutOfRangeException>(() => JobTensors.Failed(JobLayout.Folder, ComputeError.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobTensors.Failed(JobLayout.Folder, (ComputeError)70_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobTensors.Failed((JobLayout)0, ComputeError.RunFailed));
    }

    [Fact]
    public void SplitBatch_GivesOneItemPerRow_NamedByIndex()
    {
        var split = JobTensors.SplitBatch([X, Ids]);

        Assert.True(split.IsOk, split.Message);
        Assert.Equal(JobLayout.Stacked, split.Value.Layout);
        Assert.Equal(["0", "1", "2"], split.Value.Items.Select(i => i.Name));
        TensorAssert.Same([TensorData.Float32("x", [2], [2f, 3f]), TensorData.Int64("ids", [], [20])], split.Value.Items[1].Tensors);
        var stacked = split.Value.StackItems();
        Assert.True(stacked.IsOk, stacked.Message);
        TensorAssert.Same([X, Ids], stacked.Value);
    }

    [Property(MaxTest = 80, StartSize = 10, EndSize = 40, Arbitrary = [typeof(TensorGenerators)])]
    public void StackingTheSplitOfABatch_GivesTheBatchBack(TensorData tensor)
    {
        var split = JobTensors.SplitBatch([tensor]);

        if (tensor.Shape.Length == 0)
        {
            Assert.Equal(ComputeError.BatchShapeMismatch, split.Error);
            return;
        }

        if (tensor.Shape[0] == 0)
        {
            Assert.Equal(ComputeError.BatchEmpty, split.Error);
            return;
        }

        Assert.True(split.IsOk, split.Message);
        Assert.Equal(tensor.Shape[0], split.Value.Items.Length);
        TensorAssert.Same(split.Value, JobTensors.Decode(split.Value.Encode()).Value!);
        var stacked = split.Value.StackItems();
        Assert.True(stacked.IsOk, stacked.Message);
        TensorAssert.Same(tensor, Assert.Single(stacked.Value));
    }

    public static TheoryData<string, TensorData[], ComputeError> BadBatches() => new()
    {
        { "no tensors", [], ComputeError.BatchEmpty },
        { "a scalar", [X, TensorData.Float32("s", [], [1f])], ComputeError.BatchShapeMismatch },
        { "different lengths of axis 0", [X, TensorData.Int64("ids", [2], [1, 2])], ComputeError.BatchShapeMismatch },
        { "axis 0 of length 0", [TensorData.Float32("e", [0, 4], [])], ComputeError.BatchEmpty },
        { "more rows than items", [TensorData.UInt8("big", [JobTensors.MaxItems + 1], new byte[JobTensors.MaxItems + 1])], ComputeError.BatchTooManyItems },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public void SplitBatch_RefusesTensorsThatDoNotLineUp(string what, TensorData[] tensors, ComputeError expected)
    {
        var split = JobTensors.SplitBatch(tensors);

        Assert.Equal(expected, split.Error);
        Assert.False(string.IsNullOrEmpty(split.Message), what);
    }

    public static TheoryData<string, JobTensors, ComputeError> BadStacks() => new()
    {
        { "a fault", JobTensors.Failed(JobLayout.Stacked, ComputeError.RunFailed), ComputeError.RunFailed },
        { "no items", Folder(), ComputeError.BatchEmpty },
        { "different shapes", Folder(Item("a", X), Item("b", TensorData.Float32("x", [2, 3], new float[6]))), ComputeError.BatchShapeMismatch },
        { "different types", Folder(Item("a", Ids), Item("b", TensorData.Int32("ids", [3], [1, 2, 3]))), ComputeError.BatchShapeMismatch },
        { "different names", Folder(Item("a", Ids), Item("b", Ids with { Name = "other" })), ComputeError.BatchShapeMismatch },
        { "different counts", Folder(Item("a", Ids), Item("b", Ids, X)), ComputeError.BatchShapeMismatch },
        { "rank 8", Folder(Item("a", TensorData.UInt8("r", [1, 1, 1, 1, 1, 1, 1, 1], [1]))), ComputeError.BatchRankTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadStacks))]
    public void StackItems_RefusesItemsThatDiffer(string what, JobTensors job, ComputeError expected)
    {
        var stacked = job.StackItems();

        Assert.Equal(expected, stacked.Error);
        Assert.False(string.IsNullOrEmpty(stacked.Message), what);
    }

    [Fact]
    public void StackItems_StacksAFolderInItemOrder()
    {
        var folder = Folder(Item("b", TensorData.Int32("v", [2], [1, 2])), Item("a", TensorData.Int32("v", [2], [3, 4])));

        var stacked = folder.StackItems();

        Assert.True(stacked.IsOk, stacked.Message);
        TensorAssert.Same([TensorData.Int32("v", [2, 2], [1, 2, 3, 4])], stacked.Value);
        Assert.Same(folder.Items[1], folder.Find("a"));
        Assert.Null(folder.Find("c"));
    }

    /// <summary>A Stacked blob of three items with float16, bool and uint64 tensors.</summary>
    private static byte[] SampleVersion2()
    {
        var batch = new[]
        {
            TensorData.Float16("h", [3, 2], [(Half)1, (Half)(-0.5), Half.MaxValue, Half.Epsilon, (Half)3, (Half)0]),
            TensorData.Bool("mask", [3], [true, false, true]),
            TensorData.UInt64("n", [3, 1, 1], [1, ulong.MaxValue, 0]),
        };
        return JobTensors.SplitBatch(batch).Value!.Encode();
    }

    private static byte[] Edit(byte[] blob, Action<byte[]> edit)
    {
        byte[] copy = (byte[])blob.Clone();
        edit(copy);
        return copy;
    }
}
