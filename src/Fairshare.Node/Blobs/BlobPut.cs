using Fairshare.Core.Primitives;

namespace Fairshare.Node.Blobs;

/// <summary>What <see cref="BlobQuota.PutAsync"/> did with an upload.</summary>
/// <param name="Status">Stored, too large, or refused for room.</param>
/// <param name="Address">The stored blob's address (zero unless <see cref="BlobPutStatus.Stored"/>).</param>
/// <param name="UsedBytes">When refused: the bytes the store's blobs and the other uploads in flight took then (0 otherwise).</param>
/// <param name="QuotaBytes">The quota then (0 unless refused).</param>
/// <param name="UploadBytes">The upload's declared length, or what had arrived when it was refused (0 unless refused).</param>
/// <param name="LengthKnown">Whether <paramref name="UploadBytes"/> is the declared length (else the upload holds at least that many bytes).</param>
public readonly record struct BlobPut(BlobPutStatus Status, Hash32 Address, long UsedBytes, long QuotaBytes, long UploadBytes, bool LengthKnown);
