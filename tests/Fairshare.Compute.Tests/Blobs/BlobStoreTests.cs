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
    public void PutTwice_IsIdempotent_RefreshesTheLastWriteTime_AndLeavesNoTemporaryFiles()
    {
        byte[] data = [1, 2, 3];
        var first = _store.Put(data);
        var longAgo = DateTime.UtcNow.AddDays(-3);
        File.SetLastWriteTimeUtc(_store.PathOf(first), longAgo);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var second = _store.Put(data);

        // Stored again: the blob's last write time (when it was last stored, what a quota's grace period counts from) is now.
        Assert.Equal(first, second);
        Assert.InRange(File.GetLastWriteTimeUtc(_store.PathOf(first)), before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(data, File.ReadAllBytes(_store.PathOf(first)));
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Equal(3, _store.UsedBytes);
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
    public async Task PutAsync_OfOneByteOverTheLimit_KeepsNothing_AndAnIntactCopyIsKept_AsStoredNow()
    {
        byte[] data = [.. Enumerable.Range(0, 1_000).Select(i => (byte)i)];
        var kept = _store.Put(data);
        var longAgo = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_store.PathOf(kept), longAgo);

        var over = await _store.PutAsync(new MemoryStream([.. data, 7]), maxBytes: 1_000);
        var overLeft = File.GetLastWriteTimeUtc(_store.PathOf(kept));
        var again = await _store.PutAsync(new MemoryStream(data), maxBytes: 1_000);

        Assert.Null(over);
        Assert.Equal(longAgo, overLeft);
        Assert.Equal(kept, again);
        Assert.True(File.GetLastWriteTimeUtc(_store.PathOf(kept)) > longAgo.AddYears(1));
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Equal(1_000, _store.UsedBytes);
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

    [Fact]
    public void UsedBytes_CountsTheFolderOnce_ThenKeepsARunningTotal_OfPutsDeletesAndQuarantines()
    {
        var a = _store.Put(new byte[100]);
        _store.Put(new byte[250]);
        // Written behind the store's back before the first count: the scan finds it.
        var other = new BlobStore(_root);
        var c = other.Put(new byte[1_000]);
        File.WriteAllBytes(Path.Combine(_root, "upload-leftover.tmp"), new byte[77]);

        Assert.Equal(1_350, _store.UsedBytes);

        _store.Put(new byte[100]); // the same bytes again: nothing more stored
        var d = _store.Put(new byte[40]);
        Assert.Equal(1_390, _store.UsedBytes);
        Assert.True(_store.Delete(c));
        Assert.Equal(390, _store.UsedBytes);
        var damaged = new byte[40];
        damaged[0] = 1;
        File.WriteAllBytes(_store.PathOf(d), damaged); // damaged: read, it is quarantined
        Assert.False(_store.TryGet(d, out _));
        Assert.Equal(350, _store.UsedBytes);
        Assert.Equal(350, new BlobStore(_root).UsedBytes); // a fresh count agrees
        Assert.True(_store.Contains(a));
    }

    [Fact]
    public async Task UsedBytes_CountsStreamedPuts_AndNothingForARefusedOne()
    {
        Assert.Equal(0, _store.UsedBytes); // no folder yet

        var address = await _store.PutAsync(new MemoryStream(new byte[70_000]), maxBytes: 70_000);
        var refused = await _store.PutAsync(new MemoryStream(new byte[70_001]), maxBytes: 70_000);

        Assert.NotNull(address);
        Assert.Null(refused);
        Assert.Equal(70_000, _store.UsedBytes);
    }

    [Fact]
    public void List_GivesEveryBlobsAddressSizeAndLastWriteTime_AndNothingElseInTheFolder()
    {
        var small = _store.Put([1]);
        var large = _store.Put(new byte[5_000]);
        var stamped = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_store.PathOf(large), stamped);
        File.WriteAllBytes(Path.Combine(_root, "upload-inflight.tmp"), [9]);
        File.WriteAllBytes(_store.PathOf(small) + ".corrupt", [9]);
        Directory.CreateDirectory(Path.Combine(_root, "zz"));
        File.WriteAllBytes(Path.Combine(_root, "zz", "notes.txt"), [9]);

        var listed = _store.List().OrderBy(b => b.Bytes).ToList();

        Assert.Equal([(small, 1L), (large, 5_000L)], listed.Select(b => (b.Address, b.Bytes)));
        Assert.Equal(stamped, listed[1].LastWriteUtc);
        Assert.Empty(new BlobStore(Path.Combine(_root, "absent")).List());
    }

    [Fact]
    public void Delete_RemovesTheBlob_IsFalseForAMissingOne_AndSparesABlobStoredAgainSinceItWasListed()
    {
        var gone = _store.Put("old"u8);
        var refreshed = _store.Put("old but uploaded again"u8);
        var listedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_store.PathOf(gone), listedAt);
        File.SetLastWriteTimeUtc(_store.PathOf(refreshed), listedAt);
        _store.Put("old but uploaded again"u8); // stored again after the listing

        Assert.True(_store.Delete(gone, unlessWrittenAfter: listedAt));
        Assert.False(_store.Delete(refreshed, unlessWrittenAfter: listedAt));
        Assert.False(_store.Delete(gone));
        Assert.False(_store.Contains(gone));
        Assert.True(_store.TryGet(refreshed, out _));
        Assert.Equal("old but uploaded again"u8.Length, _store.UsedBytes);
    }

    [Fact]
    public async Task ConcurrentPutsAndDeletes_KeepTheRunningTotalEqualToAFreshCount()
    {
        Assert.Equal(0, _store.UsedBytes);
        var blobs = Enumerable.Range(0, 40).Select(i => new byte[100 + i % 7]).Select((b, i) => { b[0] = (byte)i; return b; }).ToList();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int round = 0; round < 5; round++)
            {
                foreach (var blob in blobs.Skip(worker * 5).Take(10))
                {
                    if ((round + worker) % 3 == 0) _store.Delete(Hash32.Compute(blob));
                    else if (round % 2 == 0) _store.Put(blob);
                    else await _store.PutAsync(new MemoryStream(blob), maxBytes: 1_000);
                }
            }
        })));

        Assert.Equal(new BlobStore(_root).UsedBytes, _store.UsedBytes);
        Assert.Equal(_store.List().Sum(b => b.Bytes), _store.UsedBytes);
    }
}
