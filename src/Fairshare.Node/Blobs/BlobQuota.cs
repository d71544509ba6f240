using Fairshare.Compute.Blobs;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fairshare.Node.Blobs;

/// <summary>
/// A node's blob store under a byte quota (docs/storage.md, "Blob quota and eviction"). An upload reserves room before
/// its bytes reach the disk (its declared length at once, then more as it streams), so the stored blobs and the uploads
/// in flight together never pass <see cref="BlobQuotaOptions.QuotaBytes"/>. When an upload needs room, blobs no job
/// needs are evicted, the least recently stored first, only as many as it takes; when evicting all of them would not
/// make room, none is evicted and the upload is refused (<see cref="BlobPutStatus.StoreFull"/>), keeping nothing. A blob
/// is needed when the market names it (<see cref="MarketStore.BlobsInUse"/>: a job open, running or disputed, or closed
/// fewer than <see cref="BlobQuotaOptions.RetentionBlocks"/> blocks ago) or when it was stored within the
/// <see cref="BlobQuotaOptions.GracePeriod"/>. A periodic pass (<see cref="OnBlockCommitted"/>) evicts every blob not
/// needed, on a thread of its own. Thread-safe.
/// </summary>
public sealed class BlobQuota : IDisposable
{
    /// <summary>
    /// When an upload without a length needs room, eviction makes at least this much (if it can), so that its next reads
    /// do not each list the store again; the upload reserves only what it read.
    /// </summary>
    private const long StreamingEviction = 16 * 1024 * 1024;

    private const string ForUpload = "an upload needed room";
    private const string ForPass = "periodic pass";

    private readonly BlobStore _store;
    private readonly Func<IReadOnlySet<Hash32>> _inUse;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private Action? _unsubscribe;
    private Task _pass = Task.CompletedTask;
    private int _passing;
    private long _reserved;
    private long _evictedBlobs;
    private long _evictedBytes;
    private long _refusedUploads;
    private int _disposed;

    /// <summary>
    /// A quota over <paramref name="store"/>; <paramref name="inUse"/> answers the blobs the market needs now (it is
    /// asked at each eviction; <see cref="For"/> asks the ledger). The grace period is measured on
    /// <paramref name="clock"/> against the files' last write times, which the file system's clock sets: keep the
    /// system clock (the default) outside tests.
    /// </summary>
    public BlobQuota(BlobStore store, Func<IReadOnlySet<Hash32>> inUse, BlobQuotaOptions options, ILogger? log = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inUse);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.QuotaBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GracePeriod, TimeSpan.Zero);
        _store = store;
        _inUse = inUse;
        Options = options;
        _log = log ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
        // The one scan of the folder, now rather than on the first upload; from here on the store keeps a running total.
        _ = store.UsedBytes;
    }

    /// <summary>The quota, retention and grace period in force.</summary>
    public BlobQuotaOptions Options { get; }

    /// <summary>The bytes the stored blobs take (<see cref="BlobStore.UsedBytes"/>).</summary>
    public long UsedBytes => _store.UsedBytes;

    /// <summary>The bytes reserved by uploads in flight.</summary>
    public long ReservedBytes
    {
        get
        {
            lock (_gate) return _reserved;
        }
    }

    /// <summary>Blobs evicted since this quota was made.</summary>
    public long EvictedBlobs => Interlocked.Read(ref _evictedBlobs);

    /// <summary>Bytes evicted since this quota was made.</summary>
    public long EvictedBytes => Interlocked.Read(ref _evictedBytes);

    /// <summary>Uploads (and blobs fetched from other members) refused for room since this quota was made.</summary>
    public long RefusedUploads => Interlocked.Read(ref _refusedUploads);

    /// <summary>
    /// The quota of <paramref name="ledger"/>'s blob store: the blobs in use are read from its committed state
    /// (<see cref="MarketStore.BlobsInUse"/> at the head's height), and each committed block may start the periodic pass.
    /// Dispose it to stop listening.
    /// </summary>
    public static BlobQuota For(ILedgerService ledger, BlobQuotaOptions options, ILogger? log = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        ulong retention = options.RetentionBlocks;
        var quota = new BlobQuota(ledger.Blobs, () => ledger.Read(state => MarketStore.BlobsInUse(state, state.Head.Height, retention)), options, log, clock);
        EventHandler<BlockCommittedEventArgs> onCommitted = (_, e) => quota.OnBlockCommitted(e.Block.Header.Height);
        ledger.BlockCommitted += onCommitted;
        quota._unsubscribe = () => ledger.BlockCommitted -= onCommitted;
        return quota;
    }

    /// <summary>
    /// Stores an upload within the quota: reserves its declared length (<paramref name="declaredBytes"/>, null when it
    /// streams without one) before reading, and more while it streams beyond that, evicting blobs no job needs when
    /// there is no room. Refused (<see cref="BlobPutStatus.StoreFull"/>) or too large (over <paramref name="maxBytes"/>),
    /// nothing of it is kept, no temporary file either.
    /// </summary>
    public async Task<BlobPut> PutAsync(Stream content, long maxBytes, long? declaredBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        long declared = Math.Max(0, declaredBytes ?? 0);
        if (declared > maxBytes) return new BlobPut(BlobPutStatus.TooLarge, default, 0, 0, 0, false);
        var body = new QuotaStream(content, more => Reserve(more, declaredBytes is null ? StreamingEviction : 0));
        if (declared > 0)
        {
            if (!Reserve(declared, 0)) return Refuse(declared, true, 0);
            body.AddReserved(declared);
        }

        try
        {
            var address = await _store.PutAsync(body, maxBytes, ct).ConfigureAwait(false);
            return address is { } stored
                ? new BlobPut(BlobPutStatus.Stored, stored, 0, 0, 0, false)
                : new BlobPut(BlobPutStatus.TooLarge, default, 0, 0, 0, false);
        }
        catch (IOException) when (body.Exceeded)
        {
            return Refuse(declaredBytes ?? body.BytesArrived, declaredBytes is not null, body.ReservedBytes);
        }
        finally
        {
            Release(body.ReservedBytes);
        }
    }

    /// <summary>
    /// Stores <paramref name="content"/> (a blob fetched from another member) when it fits in the quota, evicting as an
    /// upload would; false, storing nothing, when it does not.
    /// </summary>
    public bool TryStore(ReadOnlySpan<byte> content)
    {
        if (!Reserve(content.Length, 0))
        {
            Refuse(content.Length, true, 0);
            return false;
        }

        try
        {
            _store.Put(content);
            return true;
        }
        finally
        {
            Release(content.Length);
        }
    }

    /// <summary>
    /// Evicts every blob no job needs that was stored before the grace period (the periodic pass; also callable at
    /// will). Returns how many blobs it deleted.
    /// </summary>
    public int EvictUnneeded() => Evict(Evictable(), ForPass).Blobs;

    /// <summary>
    /// Starts the periodic pass on a thread of its own after a block whose height is a multiple of
    /// <see cref="BlobQuotaOptions.EvictEveryBlocks"/>, unless one is still running. Cheap: call it on the apply thread.
    /// </summary>
    public void OnBlockCommitted(ulong height)
    {
        ulong every = Options.EvictEveryBlocks;
        if (every == 0 || height % every != 0 || Volatile.Read(ref _disposed) != 0) return;
        if (Interlocked.CompareExchange(ref _passing, 1, 0) != 0) return;
        Volatile.Write(ref _pass, Task.Run(RunPass));
    }

    /// <summary>The periodic pass last started (completed when none runs).</summary>
    internal Task LastPass => Volatile.Read(ref _pass);

    /// <summary>Stops listening for blocks and waits (a few seconds at most) for a pass in flight, which stops between deletions.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _unsubscribe?.Invoke();
        Volatile.Read(ref _pass).Wait(TimeSpan.FromSeconds(5));
    }

    private void RunPass()
    {
        try
        {
            EvictUnneeded();
        }
        catch (Exception e)
        {
            // A pass on a thread of its own: its failure (the disk, or a bug) is logged and the next pass tries again.
            _log.LogPassFailed(e);
        }
        finally
        {
            Volatile.Write(ref _passing, 0);
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/>, evicting blobs no job needs when they are not free (enough for
    /// <paramref name="evictAtLeast"/> when the evictable blobs have it); false, evicting nothing, when even evicting
    /// all of them would not free <paramref name="bytes"/>.
    /// </summary>
    private bool Reserve(long bytes, long evictAtLeast)
    {
        if (bytes == 0) return true;
        lock (_gate)
        {
            if (!Options.IsUnlimited)
            {
                long free = FreeBytes();
                if (free < bytes && Evict(Plan(Math.Max(bytes, evictAtLeast) - free, bytes - free), ForUpload).Bytes > 0) free = FreeBytes();
                if (free < bytes) return false;
            }

            _reserved += bytes;
            return true;
        }
    }

    private void Release(long bytes)
    {
        if (bytes == 0) return;
        lock (_gate) _reserved -= bytes;
    }

    /// <summary>The quota less the stored blobs and the reservations (under the gate).</summary>
    private long FreeBytes() => Options.QuotaBytes - _store.UsedBytes - _reserved;

    private BlobPut Refuse(long upload, bool lengthKnown, long ownReservation)
    {
        long used;
        lock (_gate) used = _store.UsedBytes + _reserved - ownReservation;
        Interlocked.Increment(ref _refusedUploads);
        _log.LogStoreFull(upload, used, Options.QuotaBytes);
        return new BlobPut(BlobPutStatus.StoreFull, default, used, Options.QuotaBytes, upload, lengthKnown);
    }

    /// <summary>
    /// The evictable blobs, least recently stored first, that free at least <paramref name="want"/> bytes (all of them
    /// when they free less); none when they cannot free even <paramref name="need"/>.
    /// </summary>
    private List<StoredBlob> Plan(long want, long need)
    {
        var plan = new List<StoredBlob>();
        long planned = 0;
        foreach (var blob in Evictable())
        {
            if (planned >= want) break;
            plan.Add(blob);
            planned += blob.Bytes;
        }

        return planned >= need ? plan : [];
    }

    /// <summary>Every stored blob no job needs and stored before the grace period, least recently stored first.</summary>
    private List<StoredBlob> Evictable()
    {
        var inUse = _inUse();
        var storedBefore = _clock.GetUtcNow().UtcDateTime - Options.GracePeriod;
        return
        [
            .. _store.List()
                .Where(b => !inUse.Contains(b.Address) && b.LastWriteUtc <= storedBefore)
                .OrderBy(b => b.LastWriteUtc)
                .ThenBy(b => b.Address),
        ];
    }

    /// <summary>Deletes the blobs (each unless stored again since it was listed), counts and logs them.</summary>
    private (int Blobs, long Bytes) Evict(List<StoredBlob> blobs, string reason)
    {
        int count = 0;
        long bytes = 0;
        foreach (var blob in blobs)
        {
            if (reason == ForPass && Volatile.Read(ref _disposed) != 0) break;
            if (!_store.Delete(blob.Address, unlessWrittenAfter: blob.LastWriteUtc)) continue;
            count++;
            bytes += blob.Bytes;
        }

        if (count == 0) return (0, 0);
        Interlocked.Add(ref _evictedBlobs, count);
        Interlocked.Add(ref _evictedBytes, bytes);
        _log.LogEvicted(count, bytes, reason, _store.UsedBytes, Options.QuotaBytes);
        return (count, bytes);
    }
}
