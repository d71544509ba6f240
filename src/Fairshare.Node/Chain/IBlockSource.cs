using System.Collections.Immutable;
using Fairshare.Core.Ledger;

namespace Fairshare.Node.Chain;

/// <summary>
/// A chain's blocks as <see cref="ChainVerifier"/> reads them: from the local store, or from a node over HTTP.
/// </summary>
public interface IBlockSource
{
    /// <summary>The height of the newest block to replay.</summary>
    ulong LatestHeight { get; }

    /// <summary>The canonical encoding of the block at <paramref name="height"/>, or null when it is missing.</summary>
    byte[]? ReadBlock(ulong height);

    /// <summary>Null when the receipts the source holds for the block equal the replayed ones, else why not.</summary>
    string? CheckReceipts(ulong height, ImmutableArray<Receipt> replayed);
}
