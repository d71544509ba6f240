using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Indexing;

/// <summary>What both index backends share: which blocks are new, and how a receipt is stored and read back.</summary>
internal static class IndexRows
{
    /// <summary>
    /// The blocks above <paramref name="indexedHeight"/>, in order. Heights must rise by one; the first new block must
    /// follow the indexed height (any height may start an empty index). A caller that skips blocks has a bug.
    /// </summary>
    public static List<(Block Block, ImmutableArray<Receipt> Receipts)> NewBlocks(
        IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> blocks, ulong indexedHeight)
    {
        var fresh = new List<(Block, ImmutableArray<Receipt>)>(blocks.Count);
        ulong expected = indexedHeight + 1;
        foreach (var entry in blocks)
        {
            ulong height = entry.Block.Header.Height;
            if (height <= indexedHeight) continue;
            if (height != expected && !(indexedHeight == 0 && fresh.Count == 0))
                throw new ArgumentException($"block {height} does not follow height {expected - 1}: index blocks in order (ChainIndexes.CatchUp fills a gap)", nameof(blocks));
            if (height > long.MaxValue) throw new ArgumentOutOfRangeException(nameof(blocks), "heights above 2^63-1 cannot be indexed");
            fresh.Add(entry);
            expected = height + 1;
        }

        return fresh;
    }

    /// <summary>
    /// The chain id the new blocks belong to, checked against the one the index already holds (null when empty): an
    /// index is for one chain, so a block of another means the index or the schema was reused by mistake.
    /// </summary>
    public static string ChainOf(List<(Block Block, ImmutableArray<Receipt> Receipts)> fresh, string? stored)
    {
        string chainId = stored ?? fresh[0].Block.Header.ChainId;
        foreach (var (block, _) in fresh)
        {
            if (!string.Equals(block.Header.ChainId, chainId, StringComparison.Ordinal))
                throw new Chain.UserFacingException("index_other_chain",
                    $"the index holds chain '{chainId}' but block {block.Header.Height} is of chain '{block.Header.ChainId}': delete index.db or use another --postgres schema");
        }

        return chainId;
    }

    /// <summary>True when the receipt is a transaction's (the end-of-block receipt has the zero id).</summary>
    public static bool IsTransaction(Receipt receipt) => !receipt.TxId.IsZero;

    /// <summary>A receipt as stored: <see cref="ReceiptCodec"/> of a one-element list.</summary>
    public static byte[] EncodeReceipt(Receipt receipt) => ReceiptCodec.Encode([receipt]);

    /// <summary>Reads a stored receipt back; a row that does not decode means the index is corrupt.</summary>
    public static Receipt DecodeReceipt(byte[] bytes) =>
        ReceiptCodec.TryDecode(bytes, out var receipts) == ResultCode.Ok && receipts.Length == 1
            ? receipts[0]
            : throw new InvalidDataException("an indexed receipt does not decode: the index is corrupt; delete it to rebuild");

    /// <summary>The inclusive height range of a query as database integers.</summary>
    public static (long From, long To) Heights(FlowQuery query) =>
        ((long)Math.Min(query.FromHeight, long.MaxValue), (long)Math.Min(query.ToHeight, long.MaxValue));

    /// <summary>The WHERE clause of a flow query over <c>events</c>; <paramref name="parameter"/> names a placeholder.</summary>
    public static string FlowFilter(FlowQuery query, Func<string, string> parameter)
    {
        var clause = new System.Text.StringBuilder($"height >= {parameter("from")} AND height <= {parameter("to")}");
        if (query.Account is not null) clause.Append($" AND (sender = {parameter("account")} OR receiver = {parameter("account")})");
        if (query.Tag is not null) clause.Append($" AND tag = {parameter("tag")}");
        if (query.Asset is not null) clause.Append($" AND asset = {parameter("asset")}");
        return clause.ToString();
    }

    /// <summary>A bit per optional filter, to cache one prepared statement per shape of query.</summary>
    public static int Shape(FlowQuery query) =>
        (query.Account is null ? 0 : 1) | (query.Tag is null ? 0 : 2) | (query.Asset is null ? 0 : 4);
}
