using Fairshare.Compute.Blobs;
using Fairshare.Core.Primitives;

namespace Fairshare.Compute.Tests.Blobs;

public sealed class BlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-blobs-" + Guid.NewGuid().ToString("N"));
    private readonly BlobStore _store;

    public BlobStoreTests() => _store = new BlobStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void PutThenTryGet_ReturnsTheBytes_UnderTheirSha256()
    {
        byte[] data = "a model, say"u8.ToArray();

        var address = _store.Put(data);

        Assert.Equal(Hash32.Compute(data), address);
        Assert.True(_store.Contains(address));
        Assert.True(_store.TryGet(address, out byte[] read));
        Assert.Equal(data, read);
        string hex = address.ToString();
        Assert.Equal(Path.Combine(_root, hex[..2], hex), _store.PathOf(address));
    }

    [Fact]
    public void PutTwice_IsIdempotent_AndLeavesNoTemporaryFiles()
    {
        byte[] data = [1, 2, 3];
        var first = _store.Put(data);
        var written = File.GetLastWriteTimeUtc(_store.PathOf(first));

        var second = _store.Put(data);

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(_store.PathOf(first)));
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_536)] // exactly one read buffer
    [InlineData(3_000_001)]
    public async Task PutAsync_StreamsTheBytes_UnderTheSha256TheBclComputes_AndLeavesNoTemporaryFile(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        using var stream = new MemoryStream(data);

        var address = await _store.PutAsync(stream, maxBytes: size);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), address.ToString());
        Assert.Equal(data, File.ReadAllBytes(_store.PathOf(address!.Value)));
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutAsync_OfOneByteOverTheLimit_KeepsNothing_AndAnIntactCopyIsLeftAsItIs()
    {
        byte[] data = [.. Enumerable.Range(0, 1_000).Select(i => (byte)i)];
        var kept = _store.Put(data);
        var written = File.GetLastWriteTimeUtc(_store.PathOf(kept));

        var over = await _store.PutAsync(new MemoryStream([.. data, 7]), maxBytes: 1_000);
        var again = await _store.PutAsync(new MemoryStream(data), maxBytes: 1_000);

        Assert.Null(over);
        Assert.Equal(kept, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(_store.PathOf(kept)));
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void EmptyBlob_IsABlob()
    {
        var address = _store.Put([]);

        Assert.True(_store.TryGet(address, out byte[] read));
        Assert.Empty(read);
    }

    [Fact]
    public void MissingBlob_IsNotFound()
    {
        var address = Hash32.Compute("never stored"u8);

        Assert.False(_store.Contains(address));
        Assert.False(_store.TryGet(address, out byte[] read));
        Assert.Empty(read);
    }

    [Fact]
    public void CorruptFile_IsReportedQuarantinedAndTreatedAsMissing_ThenPutRepairsIt()
    {
        byte[] data = "job output"u8.ToArray();
        var address = _store.Put(data);
        File.WriteAllBytes(_store.PathOf(address), "tampered"u8.ToArray());
        var reports = new List<BlobCorruptedEventArgs>();
        _store.Corrupted += (_, e) => reports.Add(e);

        Assert.False(_store.TryGet(address, out byte[] read));

        Assert.Empty(read);
        var report = Assert.Single(reports);
        Assert.Equal(address, report.Address);
        Assert.Equal(Hash32.Compute("tampered"u8), report.Actual);
        Assert.Equal("tampered"u8.ToArray(), File.ReadAllBytes(report.QuarantinedPath));
        Assert.False(_store.Contains(address));

        Assert.Equal(address, _store.Put(data));
        Assert.True(_store.TryGet(address, out read));
        Assert.Equal(data, read);
    }
}
