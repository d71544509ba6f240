using Fairshare.Core.Primitives;

namespace Fairshare.Compute.Blobs;

/// <summary>What <see cref="BlobStore.Corrupted"/> reports: a stored file whose content no longer hashes to its name.</summary>
/// <param name="Address">The content address the file was stored under.</param>
/// <param name="Actual">The SHA-256 of the bytes actually found.</param>
/// <param name="QuarantinedPath">Where the damaged file was moved, out of the store's way (kept for inspection).</param>
public sealed class BlobCorruptedEventArgs(Hash32 Address, Hash32 Actual, string QuarantinedPath) : EventArgs
{
    /// <summary>The content address the file was stored under.</summary>
    public Hash32 Address { get; } = Address;

    /// <summary>The SHA-256 of the bytes actually found.</summary>
    public Hash32 Actual { get; } = Actual;

    /// <summary>Where the damaged file was moved, out of the store's way (kept for inspection).</summary>
    public string QuarantinedPath { get; } = QuarantinedPath;
}
