using Fairshare.Compute.Blobs;
using Fairshare.Core.Primitives;
using Fairshare.Node.Blobs;

namespace Fairshare.Node.Tests.Blobs;

/// <summary>
/// <see cref="BlobQuota"/> over a real folder, with the market's needed set given by the test: uploads reserve room
/// before and while they stream, refusals keep nothing, eviction takes the least recently stored blobs no job needs
/// (only as many as it takes, none when they would not be enough), the grace period spares fresh uploads, and the
/// periodic pass runs every N blocks.
/// </summary>
public sealed class BlobQuotaTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fairshare-quota-" + Guid.NewGuid().ToString("N"));
    private readonly BlobStore _store;
    private readonly HashSet<Hash32> _needed = [];

    public BlobQuotaTests() => _store = new BlobStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task AnUploadThatDoesNotFit_WithNothingEvictable_IsRefusedWithTheFigures_AndKeepsNothing()
    {
        using var quota = Quota(1_000);
        var fresh = _store.Put(Bytes(600, 1));

        var fits = await quota.PutAsync(new MemoryStream(Bytes(400, 2)), 10_000, 400);
        var refused = await quota.PutAsync(new MemoryStream(Bytes(1, 3)), 10_000, 1);

        Assert.Equal(BlobPutStatus.Stored, fits.Status);
        Assert.Equal(new BlobPut(BlobPutStatus.StoreFull, default, 1_000, 1_000, 1, true), refused);
        Assert.Equal(1_000, _store.UsedBytes);
        Assert.Equal(new[] { fresh, fits.Address }.Order(), _store.List().Select(b => b.Address).Order());
        Assert.Equal(2, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length); // no temporary file
        Assert.Equal((0L, 1L, 0L), (quota.ReservedBytes, quota.RefusedUploads, quota.EvictedBlobs));
    }

    [Fact]
    public async Task AnUploadWithoutALength_IsStoppedWhenItOutgrowsTheRoom_AndKeepsNothing()
    {
        using var quota = Quota(100_000);
        _store.Put(Bytes(30_000, 1));

        var fits = await quota.PutAsync(new MemoryStream(Bytes(70_000, 2)), 1_000_000, null);
        var refused = await quota.PutAsync(new MemoryStream(Bytes(200_000, 3)), 1_000_000, null);

        Assert.Equal(BlobPutStatus.Stored, fits.Status);
        Assert.Equal(BlobPutStatus.StoreFull, refused.Status);
        Assert.False(refused.LengthKnown);
        Assert.InRange(refused.UploadBytes, 1, 200_000);
        Assert.Equal(100_000, refused.UsedBytes);
        Assert.Equal(2, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(0, quota.ReservedBytes);
    }

    [Fact]
    public async Task RoomIsMadeByEvictingTheLeastRecentlyStoredUnneededBlobs_OnlyAsManyAsItTakes()
    {
        using var quota = Quota(5_000);
        var needed = Aged(_store.Put(Bytes(1_000, 1)), TimeSpan.FromHours(5));
        _needed.Add(needed);
        var oldest = Aged(_store.Put(Bytes(1_000, 2)), TimeSpan.FromHours(4));
        var older = Aged(_store.Put(Bytes(1_000, 3)), TimeSpan.FromHours(3));
        var fresh = _store.Put(Bytes(1_000, 4));

        // 4,000 stored + 1,500 > 5,000: 500 bytes must go, so the oldest unneeded blob alone.
        var put = await quota.PutAsync(new MemoryStream(Bytes(1_500, 5)), 10_000, 1_500);

        Assert.Equal(BlobPutStatus.Stored, put.Status);
        Assert.Equal([needed, older, fresh, put.Address], _store.List().OrderBy(b => b.LastWriteUtc).Select(b => b.Address));
        Assert.False(_store.Contains(oldest));
        Assert.Equal((1L, 1_000L), (quota.EvictedBlobs, quota.EvictedBytes));
        Assert.Equal(4_500, _store.UsedBytes);
    }

    [Fact]
    public async Task WhenEvictingEveryUnneededBlobWouldNotMakeRoom_NoneIsEvicted()
    {
        using var quota = Quota(3_000);
        var old = Aged(_store.Put(Bytes(1_000, 1)), TimeSpan.FromHours(2));
        var fresh = _store.Put(Bytes(1_000, 2));

        var put = await quota.PutAsync(new MemoryStream(Bytes(2_500, 3)), 10_000, 2_500);

        Assert.Equal(BlobPutStatus.StoreFull, put.Status);
        Assert.True(_store.Contains(old));
        Assert.True(_store.Contains(fresh));
        Assert.Equal(0, quota.EvictedBlobs);
    }

    [Fact]
    public async Task ConcurrentUploads_NeverTakeMoreThanTheQuota()
    {
        using var quota = Quota(10_000);

        var puts = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => quota.PutAsync(new MemoryStream(Bytes(1_000, (byte)i)), 10_000, i % 2 == 0 ? 1_000 : null))));

        // At most ten fit. An upload that has just been stored may count twice for an instant (stored, its reservation
        // not yet released): the quota then errs on the side of refusing, never of taking more.
        int stored = puts.Count(p => p.Status == BlobPutStatus.Stored);
        Assert.InRange(stored, 1, 10);
        Assert.Equal(24 - stored, puts.Count(p => p.Status == BlobPutStatus.StoreFull));
        Assert.Equal(stored * 1_000L, _store.UsedBytes);
        Assert.Equal(0, quota.ReservedBytes);
        Assert.Equal(stored, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task WithoutAQuota_NothingIsRefused()
    {
        using var quota = Quota(0);

        var put = await quota.PutAsync(new MemoryStream(Bytes(50_000, 1)), 100_000, null);

        Assert.Equal(BlobPutStatus.Stored, put.Status);
        Assert.True(quota.TryStore(Bytes(80_000, 2)));
    }

    [Fact]
    public void TryStore_OfABlobFromAnotherMember_KeepsItOnlyWhenItFits()
    {
        using var quota = Quota(1_000);

        Assert.True(quota.TryStore(Bytes(700, 1)));
        Assert.False(quota.TryStore(Bytes(400, 2)));
        Assert.Equal(700, _store.UsedBytes);
        Assert.Equal(1, quota.RefusedUploads);
    }

    [Fact]
    public async Task ThePeriodicPass_EveryNBlocks_EvictsEveryUnneededBlobPastItsGrace()
    {
        using var quota = Quota(0, evictEvery: 5);
        var needed = Aged(_store.Put(Bytes(10, 1)), TimeSpan.FromDays(1));
        _needed.Add(needed);
        var unneeded = Aged(_store.Put(Bytes(20, 2)), TimeSpan.FromDays(1));
        var justPastGrace = Aged(_store.Put(Bytes(30, 3)), Grace + TimeSpan.FromMinutes(1));
        var inGrace = Aged(_store.Put(Bytes(40, 4)), Grace - TimeSpan.FromMinutes(1));

        quota.OnBlockCommitted(4);
        await quota.LastPass;
        var afterFour = _store.List().Count;
        quota.OnBlockCommitted(5);
        await quota.LastPass;

        Assert.Equal(4, afterFour);
        Assert.Equal(new[] { needed, inGrace }.Order(), _store.List().Select(b => b.Address).Order());
        Assert.False(_store.Contains(unneeded));
        Assert.False(_store.Contains(justPastGrace));
        Assert.Equal((2L, 50L), (quota.EvictedBlobs, quota.EvictedBytes));
    }

    private BlobQuota Quota(long bytes, ulong evictEvery = 0) =>
        new(_store, () => new HashSet<Hash32>(_needed), new BlobQuotaOptions { QuotaBytes = bytes, GracePeriod = Grace, EvictEveryBlocks = evictEvery });

    /// <summary>Makes a stored blob's last write time <paramref name="age"/> ago.</summary>
    private Hash32 Aged(Hash32 address, TimeSpan age)
    {
        File.SetLastWriteTimeUtc(_store.PathOf(address), DateTime.UtcNow - age);
        return address;
    }

    /// <summary><paramref name="length"/> bytes, distinct per <paramref name="seed"/>.</summary>
    private static byte[] Bytes(int length, byte seed)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, seed);
        return bytes;
    }
}
