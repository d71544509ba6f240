using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Indexing;

/// <summary>
/// The read side (design §9): blocks, transactions with their receipts, and every flow-tagged event, indexed for
/// queries the state cannot answer (a transaction by id, an account's flows over a range of heights). SQLite in the
/// data directory is the default; PostgreSQL is the option (<c>--index postgres</c>). Indexing is idempotent by height,
/// so a node that crashed re-indexes from <see cref="IndexedHeight"/> + 1.
/// </summary>
public interface IChainIndex : IDisposable
{
    /// <summary>The highest height indexed (0 when none).</summary>
    ulong IndexedHeight { get; }

    /// <summary>Indexes a committed block and its receipts; a height already indexed is ignored.</summary>
    void Index(Block block, ImmutableArray<Receipt> receipts);

    /// <summary>Indexes many committed blocks in one transaction (catch-up after a start).</summary>
    void IndexRange(IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> blocks);

    /// <summary>Where a transaction was committed and its receipt, or null when unknown.</summary>
    IndexedTransaction? FindTransaction(Hash32 txId);

    /// <summary>Flow-tagged events matching the query, in chain order (height, receipt, event), at most <see cref="FlowQuery.Limit"/>.</summary>
    IReadOnlyList<IndexedFlow> Flows(FlowQuery query);
}
