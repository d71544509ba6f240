using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Fairshare.Node.Indexing;

namespace Fairshare.Server.Tests.Support;

/// <summary>A test double of the read-side index, in memory.</summary>
public sealed class MemoryChainIndex : IChainIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<Hash32, IndexedTransaction> _transactions = [];
    private readonly List<IndexedFlow> _flows = [];

    public ulong IndexedHeight { get; private set; }

    public void Index(Block block, ImmutableArray<Receipt> receipts)
    {
        lock (_gate)
        {
            if (block.Header.Height <= IndexedHeight) return;
            for (int i = 0; i < receipts.Length; i++)
            {
                var receipt = receipts[i];
                if (!receipt.TxId.IsZero) _transactions[receipt.TxId] = new IndexedTransaction(block.Header.Height, i, receipt);
                foreach (var e in receipt.Events) _flows.Add(new IndexedFlow(block.Header.Height, block.Header.TimestampMs, receipt.TxId, e));
            }

            IndexedHeight = block.Header.Height;
        }
    }

    public void IndexRange(IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        foreach (var (block, receipts) in blocks) Index(block, receipts);
    }

    public IndexedTransaction? FindTransaction(Hash32 txId)
    {
        lock (_gate) return _transactions.GetValueOrDefault(txId);
    }

    public IReadOnlyList<IndexedFlow> Flows(FlowQuery query)
    {
        lock (_gate)
        {
            return
            [
                .. _flows.Where(f => f.Height >= query.FromHeight && f.Height <= query.ToHeight
                        && (query.Account is not { } a || f.Event.From == a || f.Event.To == a)
                        && (query.Tag is not { } t || f.Event.Tag == t)
                        && (query.Asset is not { } s || f.Event.Asset == s))
                    .Take(query.Limit),
            ];
        }
    }

    public void Dispose()
    {
    }
}
