// RaftLedgerService: catch-up on start (indexing stored blocks the index lacks, remembering recent commits).
using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    private void CatchUpIndex()
    {
        if (_options.Index is not { } index) return;
        var batch = new List<(Block Block, ImmutableArray<Receipt> Receipts)>();
        for (ulong height = index.IndexedHeight + 1; height <= _storedHeight; height++)
        {
            if (_node.ReadBlock(height) is not { } block) continue;
            batch.Add((block, _node.ReadReceipts(height)));
            if (batch.Count < 500) continue;
            index.IndexRange(batch);
            batch.Clear();
        }

        if (batch.Count != 0) index.IndexRange(batch);
    }

    private void RememberRecentCommits()
    {
        var blocks = new List<Block>();
        int transactions = 0;
        for (ulong height = _storedHeight; height > 0 && blocks.Count < RecentBlocksOnStart && transactions < RecentTransactionsOnStart; height--)
        {
            if (_node.ReadBlock(height) is not { } block) break;
            blocks.Add(block);
            transactions += block.Transactions.Length;
        }

        for (int i = blocks.Count - 1; i >= 0; i--)
            _recent.Add(blocks[i].Header.Height, [.. blocks[i].Transactions.Select(t => t.Id)]);
    }
}
