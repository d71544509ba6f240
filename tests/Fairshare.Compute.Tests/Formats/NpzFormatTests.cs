using System.IO.Compression;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Tests.Tensors;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Fairshare.Compute.Tests.Formats;

public sealed class NpzFormatTests
{
    private static readonly TensorData X = TensorData.Float32("x", [2], [1f, 2f]);

    /// <summary>A zip archive of the entries (name, bytes), stored or deflated.</summary>
    private static byte[] Zip(CompressionLevel level, params (string Name, byte[] Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    [Property(MaxTest = 60, StartSize = 10, EndSize = 40)]
    public Property EveryTensorList_RoundTrips_InOrder() =>
        Prop.ForAll(Arb.From(TensorGenerators.TensorList()), tensors =>
        {
            var read = NpzFormat.Read(NpzFormat.Write(tensors));

            Assert.True(read.IsOk, read.Message);
            TensorAssert.Same(tensors, read.Value);
        });

    [Fact]
    public void Entries_AreStoredNpyFilesNamedAfterTheTensors_WithAFixedTime()
    {
        byte[] npz = NpzFormat.Write([X, TensorData.Bool("m", [1], [true])]);

        using var zip = new ZipArchive(new MemoryStream(npz), ZipArchiveMode.Read);
        Assert.Equal(["x.npy", "m.npy"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        using var entry = zip.Entries[0].Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        Assert.Equal(NpyFormat.Write(X), copy.ToArray());
        Assert.Equal(npz, NpzFormat.Write([X, TensorData.Bool("m", [1], [true])]));
    }

    [Fact]
    public void DeflatedEntriesAndFoldersInNames_AreRead()
    {
        byte[] npz = Zip(CompressionLevel.Optimal, ("inputs/x.npy", NpyFormat.Write(X)));

        var read = NpzFormat.Read(npz);

        Assert.True(read.IsOk, read.Message);
        TensorAssert.Same([X with { Name = "inputs/x" }], read.Value);
    }

    public static TheoryData<string, byte[], ComputeError> Malformed() => new()
    {
        { "empty", [], ComputeError.NpzCorrupt },
        { "not a zip", NpyFormat.Write(X), ComputeError.NpzCorrupt },
        { "a cut archive", NpzFormat.Write([X])[..^10], ComputeError.NpzCorrupt },
        { "an entry that is not .npy", Zip(CompressionLevel.NoCompression, ("x.npy", NpyFormat.Write(X)), ("readme.txt", [1])), ComputeError.NpzNotNpy },
        { "a folder entry", Zip(CompressionLevel.NoCompression, ("dir/", [])), ComputeError.NpzNotNpy },
        { "a repeated name", Zip(CompressionLevel.NoCompression, ("x.npy", NpyFormat.Write(X)), ("x.npy", NpyFormat.Write(X))), ComputeError.NpzDuplicateName },
        { "an empty name", Zip(CompressionLevel.NoCompression, (".npy", NpyFormat.Write(X))), ComputeError.NpzBadName },
        { "a name too long", Zip(CompressionLevel.NoCompression, (new string('n', TensorBlob.MaxNameBytes + 1) + ".npy", NpyFormat.Write(X))), ComputeError.NpzBadName },
        { "a bad .npy inside", Zip(CompressionLevel.NoCompression, ("x.npy", NpyFormat.Write(X)[..^1])), ComputeError.NpyTruncated },
        { "too many arrays", Zip(CompressionLevel.NoCompression, [.. Enumerable.Range(0, TensorBlob.MaxTensors + 1).Select(i => ($"a{i}.npy", Array.Empty<byte>()))]), ComputeError.NpzTooManyArrays },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedArchive_GivesItsError(string what, byte[] npz, ComputeError expected)
    {
        var read = NpzFormat.Read(npz);

        Assert.False(read.IsOk, what);
        Assert.Equal(expected, read.Error);
        Assert.False(string.IsNullOrEmpty(read.Message));
    }

    [Fact]
    public void AnErrorInsideAnEntry_NamesTheEntry()
    {
        var read = NpzFormat.Read(Zip(CompressionLevel.NoCompression, ("weights.npy", [.. NpyFormat.Write(X), 0])));

        Assert.Equal(ComputeError.NpyTrailingBytes, read.Error);
        Assert.Contains("weights.npy", read.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void CorruptingBytes_NeverThrows(int seed, byte corruptions, bool deflated)
    {
        byte[] npz = deflated
            ? Zip(CompressionLevel.Optimal, ("x.npy", NpyFormat.Write(X)), ("m.npy", NpyFormat.Write(TensorData.Bool("m", [2], [true, false]))))
            : NpzFormat.Write([X, TensorData.Bool("m", [2], [true, false])]);
        var random = new Random(seed);
        for (int i = 0; i <= corruptions % 4; i++) npz[random.Next(npz.Length)] = (byte)random.Next(256);

        var read = NpzFormat.Read(npz);

        Assert.True(read.IsOk || read.Message is not null);
    }

    [Fact]
    public void Write_RefusesTwoTensorsOfOneName() =>
        Assert.Throws<ArgumentException>(() => NpzFormat.Write([X, X]));
}
