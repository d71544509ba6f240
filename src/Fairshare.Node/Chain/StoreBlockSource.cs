using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Primitives;
using Fairshare.Node.Storage;

namespace Fairshare.Node.Chain;

/// <summary>The blocks and receipts of a local SQLite chain store.</summary>
public sealed class StoreBlockSource(SqliteChainStore store) : IBlockSource
{
    /// <inheritdoc/>
    public ulong LatestHeight { get; } = store.LatestHeight();

    /// <inheritdoc/>
    public byte[]? ReadBlock(ulong height) => store.ReadBlock(height);

    /// <inheritdoc/>
    public string? CheckReceipts(ulong height, ImmutableArray<Receipt> replayed)
    {
        var stored = store.ReadReceipts(height);
        return stored is null || ReceiptCodec.TryDecode(stored, out var receipts) != ResultCode.Ok || !receipts.SequenceEqual(replayed)
            ? "the stored receipts differ from re-execution"
            : null;
    }
}
