using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Indexing;
using Fairshare.Testing;

namespace Fairshare.Node.Tests.Indexing;

/// <summary>
/// Blocks of a real test chain (transfers of FSH and USDF, USDF minted and burned, fees) with their receipts, and the
/// oracle the indexes are checked against: every flow in chain order, filtered with LINQ.
/// </summary>
public static class IndexedChain
{
    private static readonly Lazy<IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)>> Produced = new(() => Produce(12));

    /// <summary>Twelve blocks, the same every time.</summary>
    public static IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> Blocks => Produced.Value;

    /// <summary>Address of a test chain's named key.</summary>
    public static Address Account(string name) => Fairshare.Core.Crypto.KeyPair.ForDevelopment(name).Address;

    private static List<(Block, ImmutableArray<Receipt>)> Produce(int count)
    {
        var chain = TestChain.Create();
        var blocks = new List<(Block, ImmutableArray<Receipt>)>(count);
        for (int i = 0; i < count; i++)
        {
            var candidates = new List<SignedTransaction>
            {
                chain.Transfer("alice", "bob", 100 + (ulong)i),
                chain.Transfer("bob", "carol", 7),
                chain.Sign("issuer", (i % 4) switch
                {
                    0 => new MintStablePayload(Account("issuer"), new Amount(1_000 + (ulong)i)),
                    3 => new BurnStablePayload(new Amount(5)),
                    _ => new MintStablePayload(Account("dave"), new Amount(1_000 + (ulong)i)),
                }),
            };
            if (i % 3 == 2) candidates.Add(chain.Sign("dave", new TransferPayload(Account("alice"), AssetId.Usdf, new Amount(50))));
            var produced = chain.Produce([.. candidates]);
            if (produced.Rejected.Length != 0) throw new InvalidOperationException($"test chain rejected {produced.Rejected[0].Code}");
            blocks.Add((produced.Block!, produced.Receipts));
        }

        return blocks;
    }

    /// <summary>Every flow of the blocks in chain order (height, receipt, event).</summary>
    public static List<IndexedFlow> AllFlows(IEnumerable<(Block Block, ImmutableArray<Receipt> Receipts)> blocks) =>
        [.. blocks.SelectMany(b => b.Receipts.SelectMany(r => r.Events.Select(e => new IndexedFlow(b.Block.Header.Height, b.Block.Header.TimestampMs, r.TxId, e))))];

    /// <summary>What <see cref="IChainIndex.Flows"/> must answer, computed from the flows directly.</summary>
    public static List<IndexedFlow> Expected(IEnumerable<IndexedFlow> all, FlowQuery query) =>
        [.. all.Where(f => f.Height >= query.FromHeight && f.Height <= query.ToHeight
                && (query.Account is not { } a || f.Event.From == a || f.Event.To == a)
                && (query.Tag is not { } t || f.Event.Tag == t)
                && (query.Asset is not { } s || f.Event.Asset == s))
            .Take(Math.Max(query.Limit, 0))];
}
