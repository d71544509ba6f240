using Fairshare.Core.Primitives;

namespace Fairshare.Compute.Blobs;

/// <summary>One blob of a <see cref="BlobStore"/>, as <see cref="BlobStore.List"/> found it.</summary>
/// <param name="Address">Its content address (SHA-256).</param>
/// <param name="Bytes">The size of its file.</param>
/// <param name="LastWriteUtc">When it was last stored (written, or stored again and refreshed), by the file system's clock.</param>
public readonly record struct StoredBlob(Hash32 Address, long Bytes, DateTime LastWriteUtc);
