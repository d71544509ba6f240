using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;

namespace Fairshare.Node.Cluster;

/// <summary>A block this node applied and stored, its receipts, and this node's own signature of its header.</summary>
public sealed class BlockCommittedEventArgs(Block block, ImmutableArray<Receipt> receipts, BlockSignature ownSignature) : EventArgs
{
    /// <summary>The block.</summary>
    public Block Block { get; } = block;

    /// <summary>Its receipts (the end-of-block receipt last, when there is one).</summary>
    public ImmutableArray<Receipt> Receipts { get; } = receipts;

    /// <summary>This validator's signature of the header.</summary>
    public BlockSignature OwnSignature { get; } = ownSignature;
}
