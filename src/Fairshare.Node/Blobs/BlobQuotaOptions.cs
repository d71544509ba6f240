namespace Fairshare.Node.Blobs;

/// <summary>
/// How much a node's blob store may hold and which blobs it keeps (<see cref="BlobQuota"/>; docs/storage.md, "Blob
/// quota and eviction"). The defaults suit a validator with a disk to spare: 10 GiB, a closed job's blobs kept for
/// 10,000 blocks, every upload for an hour, a pass every 100 blocks.
/// </summary>
public sealed record BlobQuotaOptions
{
    /// <summary>The default quota: 10 GiB.</summary>
    public const long DefaultQuotaBytes = 10L * 1024 * 1024 * 1024;

    /// <summary>The default retention of a closed job's blobs, in blocks.</summary>
    public const ulong DefaultRetentionBlocks = 10_000;

    /// <summary>The default interval of the periodic eviction pass, in blocks.</summary>
    public const ulong DefaultEvictEveryBlocks = 100;

    /// <summary>The default grace period of a blob just stored: one hour.</summary>
    public static TimeSpan DefaultGracePeriod { get; } = TimeSpan.FromHours(1);

    /// <summary>The most bytes the stored blobs and the uploads in flight may take together; 0: no limit.</summary>
    public long QuotaBytes { get; init; } = DefaultQuotaBytes;

    /// <summary>
    /// For how many blocks after a job closed (settled, failed or cancelled) the blobs it names are still needed, so its
    /// client can fetch the output and anyone can check it (<c>MarketStore.BlobsInUse</c>).
    /// </summary>
    public ulong RetentionBlocks { get; init; } = DefaultRetentionBlocks;

    /// <summary>
    /// How long a blob is kept after it was last stored, whether a job names it or not: a client uploads its model and
    /// input before the job that names them is submitted, a provider its output before the reveal that names it.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = DefaultGracePeriod;

    /// <summary>
    /// The periodic pass (evict every blob no job needs) starts after each committed block whose height is a multiple of
    /// this, off the apply thread; 0: blobs are evicted only when an upload needs room.
    /// </summary>
    public ulong EvictEveryBlocks { get; init; } = DefaultEvictEveryBlocks;

    /// <summary>Whether <see cref="QuotaBytes"/> is 0: uploads are never refused for room (the periodic pass still runs).</summary>
    public bool IsUnlimited => QuotaBytes == 0;
}
