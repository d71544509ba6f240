using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Fairshare.Node.Indexing;

namespace Fairshare.Bench.Indexing;

/// <summary>
/// How fast an <see cref="IChainIndex"/> takes blocks: synthetic blocks of <c>eventsPerBlock</c> flow events (four per
/// transaction receipt, 1,000 accounts, every tag, amounts up to 2^256−1) indexed <c>blocksPerCall</c> at a time,
/// then one account's flows read back. The index should be empty; the figures include commits.
/// </summary>
public static class IndexBenchmark
{
    private const int EventsPerReceipt = 4;
    private const int Accounts = 1000;

    /// <summary>Indexes <paramref name="events"/> events (rounded up to whole blocks) and times it.</summary>
    public static IndexBenchResult Run(IChainIndex index, int events, int eventsPerBlock = 100, int blocksPerCall = ChainIndexes.DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerBlock, EventsPerReceipt);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocksPerCall, 1);
        var accounts = Enumerable.Range(0, Accounts).Select(i => Address.ForModule("bench-index-" + i)).ToArray();
        int blockCount = (events + eventsPerBlock - 1) / eventsPerBlock;
        ulong first = index.IndexedHeight + 1;
        var blocks = new List<(Block, ImmutableArray<Receipt>)>(blockCount);
        for (int b = 0; b < blockCount; b++) blocks.Add(SyntheticBlock(first + (ulong)b, eventsPerBlock, accounts));

        var clock = Stopwatch.StartNew();
        for (int start = 0; start < blocks.Count; start += blocksPerCall)
            index.IndexRange(blocks.GetRange(start, Math.Min(blocksPerCall, blocks.Count - start)));
        double seconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        int found = index.Flows(new FlowQuery(Account: accounts[7], Limit: 100_000)).Count;
        double queryMs = clock.Elapsed.TotalMilliseconds;
        return new IndexBenchResult(blockCount, blockCount * eventsPerBlock, blocksPerCall, seconds, queryMs, found);
    }

    private static (Block, ImmutableArray<Receipt>) SyntheticBlock(ulong height, int eventsPerBlock, Address[] accounts)
    {
        var header = new BlockHeader("fairshare-bench", height, Hash32.Zero, 1_767_225_600_000 + height * 1000, Hash32.Zero,
            Hash32.Compute(BitConverter.GetBytes(height)), Hash32.Zero, new PublicKey(new byte[PublicKey.Size]), 0);
        var receipts = ImmutableArray.CreateBuilder<Receipt>();
        for (int r = 0; r * EventsPerReceipt < eventsPerBlock; r++)
        {
            var events = ImmutableArray.CreateBuilder<LedgerEvent>(EventsPerReceipt);
            for (int e = 0; e < EventsPerReceipt && r * EventsPerReceipt + e < eventsPerBlock; e++)
            {
                long n = (long)height * eventsPerBlock + r * EventsPerReceipt + e;
                var amount = n % 97 == 0 ? Amount.MaxValue - new Amount((ulong)n) : new Amount((ulong)n * 1_000_000_007UL, (ulong)(n % 5), 0, 0);
                events.Add(new LedgerEvent((FlowTag)(n % 18), new AssetId((uint)(n % 3)), accounts[n % Accounts], accounts[(n * 7 + 1) % Accounts], amount));
            }

            receipts.Add(new Receipt(Hash32.Compute(BitConverter.GetBytes(height * 100_000 + (ulong)r)), ResultCode.Ok, events.MoveToImmutable()));
        }

        return (new Block(header, [], []), receipts.ToImmutable());
    }
}
