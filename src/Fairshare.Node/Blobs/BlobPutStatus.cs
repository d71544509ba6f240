namespace Fairshare.Node.Blobs;

/// <summary>How <see cref="BlobQuota.PutAsync"/> ended.</summary>
public enum BlobPutStatus
{
    /// <summary>Stored (or an intact copy was stored already): <see cref="BlobPut.Address"/> is its address.</summary>
    Stored,

    /// <summary>The content held more than the largest blob allowed; nothing was kept.</summary>
    TooLarge,

    /// <summary>The content did not fit in the quota even after evicting every blob no job needs; nothing was kept.</summary>
    StoreFull,
}
