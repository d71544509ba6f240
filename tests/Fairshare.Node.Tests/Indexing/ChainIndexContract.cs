using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Node.Indexing;
using Fairshare.Node.Tests.Chain;
using Fairshare.Testing;
using Fairshare.Bench.Indexing;

namespace Fairshare.Node.Tests.Indexing;

/// <summary>What every <see cref="IChainIndex"/> backend must do; each backend's test class supplies <see cref="Open"/>.</summary>
public abstract class ChainIndexContract : IDisposable
{
    private readonly List<IChainIndex> _opened = [];

    /// <summary>Opens the index called <paramref name="name"/>: a fresh one the first time, the same data after that.</summary>
    protected abstract IChainIndex OpenStore(string name);

    private IChainIndex Open(string name = "main")
    {
        var index = OpenStore(name);
        _opened.Add(index);
        return index;
    }

    private static IReadOnlyList<(Block Block, ImmutableArray<Receipt> Receipts)> Chain => IndexedChain.Blocks;

    private static void IndexEach(IChainIndex index, IEnumerable<(Block Block, ImmutableArray<Receipt> Receipts)> blocks)
    {
        foreach (var (block, receipts) in blocks) index.Index(block, receipts);
    }

    [Fact]
    public void Index_RealChain_AnswersEveryFlowInChainOrder()
    {
        var index = Open();
        Assert.Equal(0UL, index.IndexedHeight);
        IndexEach(index, Chain);
        Assert.Equal(Chain[^1].Block.Header.Height, index.IndexedHeight);
        var all = IndexedChain.AllFlows(Chain);
        Assert.Contains(all, f => f.Event.Tag == FlowTag.Issuance);
        Assert.Contains(all, f => f.Event.Tag == FlowTag.TxFee);
        Assert.Equal(all, index.Flows(new FlowQuery()));
    }

    [Fact]
    public void Index_Twice_ChangesNothing()
    {
        var index = Open();
        IndexEach(index, Chain);
        IndexEach(index, Chain);
        index.IndexRange(Chain);
        index.IndexRange([.. Chain.Skip(5)]);
        Assert.Equal(Chain[^1].Block.Header.Height, index.IndexedHeight);
        Assert.Equal(IndexedChain.AllFlows(Chain), index.Flows(new FlowQuery()));
    }

    [Fact]
    public void Index_SkippingAHeight_IsRefusedAndWritesNothing()
    {
        var index = Open();
        index.Index(Chain[0].Block, Chain[0].Receipts);
        Assert.Throws<ArgumentException>(() => index.Index(Chain[2].Block, Chain[2].Receipts));
        Assert.Throws<ArgumentException>(() => index.IndexRange([Chain[1], Chain[3]]));
        Assert.Equal(1UL, index.IndexedHeight);
        Assert.Equal(IndexedChain.AllFlows(Chain.Take(1)), index.Flows(new FlowQuery()));
    }

    [Fact]
    public void Index_BlockOfAnotherChain_IsRefused()
    {
        var index = Open();
        index.IndexRange([.. Chain.Take(2)]);
        var (block, receipts) = Chain[2];
        var foreign = block with { Header = block.Header with { ChainId = "another-chain" } };
        Assert.Equal("index_other_chain", Assert.Throws<UserFacingException>(() => index.Index(foreign, receipts)).Code);
        Assert.Equal(2UL, index.IndexedHeight);
        index.Index(block, receipts);
        Assert.Equal(3UL, index.IndexedHeight);
    }

    [Fact]
    public void FindTransaction_GivesHeightPositionAndReceipt()
    {
        var index = Open();
        index.IndexRange(Chain);
        foreach (var (block, receipts) in Chain)
        {
            for (int position = 0; position < block.Transactions.Length; position++)
            {
                var found = index.FindTransaction(block.Transactions[position].Id);
                Assert.NotNull(found);
                Assert.Equal(block.Header.Height, found.Height);
                Assert.Equal(position, found.Position);
                Assert.Equal(receipts[position], found.Receipt);
            }
        }

        Assert.Null(index.FindTransaction(Hash32.Compute("not a transaction"u8)));
        Assert.Null(index.FindTransaction(Hash32.Zero));
    }

    public static TheoryData<string> QueryNames => [.. Queries.Keys];

    private static Dictionary<string, FlowQuery> Queries => new()
    {
        ["everything"] = new FlowQuery(),
        ["account as sender or receiver"] = new FlowQuery(Account: IndexedChain.Account("bob")),
        ["account receiving mints"] = new FlowQuery(Account: IndexedChain.Account("dave")),
        ["tag"] = new FlowQuery(Tag: FlowTag.TxFee),
        ["asset"] = new FlowQuery(Asset: AssetId.Usdf),
        ["range"] = new FlowQuery(FromHeight: 4, ToHeight: 7),
        ["limit"] = new FlowQuery(Limit: 5),
        ["everything at once"] = new FlowQuery(3, 11, IndexedChain.Account("alice"), FlowTag.Transfer, AssetId.Usdf, 2),
        ["account and tag"] = new FlowQuery(Account: IndexedChain.Account("dave"), Tag: FlowTag.Issuance),
        ["nothing matches"] = new FlowQuery(Account: IndexedChain.Account("nobody")),
        ["empty range"] = new FlowQuery(FromHeight: 8, ToHeight: 7),
        ["beyond the head"] = new FlowQuery(FromHeight: 13),
        ["zero limit"] = new FlowQuery(Limit: 0),
    };

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void Flows_HonourEveryQueryField(string name)
    {
        var index = Open();
        index.IndexRange(Chain);
        var query = Queries[name];
        var expected = IndexedChain.Expected(IndexedChain.AllFlows(Chain), query);
        Assert.Equal(expected, index.Flows(query));
        if (name is not ("nothing matches" or "empty range" or "beyond the head" or "zero limit")) Assert.NotEmpty(expected);
    }

    [Fact]
    public void Amounts_NearTwoTo256_RoundTripExactly()
    {
        var max = Amount.MaxValue;
        Amount[] amounts =
        [
            max, max - Amount.One, max - new Amount(ulong.MaxValue), new Amount(0, 0, 0, 1UL << 63), new Amount(0, 1, 0, 0),
            new Amount(ulong.MaxValue), Amount.Zero, Amount.One, Amount.Parse("100000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ];
        var (block, real) = Chain[0];
        var alice = IndexedChain.Account("alice");
        var bob = IndexedChain.Account("bob");
        var txEvents = amounts.Select((a, i) => new LedgerEvent((FlowTag)(i % 18), new AssetId(uint.MaxValue - (uint)i), alice, bob, a)).ToImmutableArray();
        Receipt[] receipts =
        [
            real[0] with { Events = txEvents },
            .. real.Skip(1),
            new Receipt(Hash32.Zero, ResultCode.Ok, [new LedgerEvent(FlowTag.Emission, AssetId.Fsh, default, bob, max)]),
        ];
        var index = Open();
        index.Index(block, [.. receipts]);

        var flows = index.Flows(new FlowQuery(Account: alice, Limit: 100));
        Assert.Equal(amounts, flows.Where(f => f.TxId == real[0].TxId).Select(f => f.Event.Amount));
        Assert.Equal<LedgerEvent>(txEvents, index.FindTransaction(real[0].TxId)!.Receipt.Events);
        var endOfBlock = Assert.Single(index.Flows(new FlowQuery(Tag: FlowTag.Emission, Asset: AssetId.Fsh)));
        Assert.Equal(Hash32.Zero, endOfBlock.TxId);
        Assert.Equal((BigInteger.One << 256) - 1, endOfBlock.Event.Amount.ToBigInteger());
        Assert.Equal(IndexedChain.AllFlows([(block, [.. receipts])]), index.Flows(new FlowQuery()));
    }

    [Fact]
    public void IndexRange_EqualsIndexingBlockByBlock()
    {
        var byBlock = Open("byblock");
        var byRange = Open("byrange");
        IndexEach(byBlock, Chain);
        byRange.IndexRange([.. Chain.Take(5)]);
        byRange.IndexRange([.. Chain.Skip(5)]);
        Assert.Equal(byBlock.IndexedHeight, byRange.IndexedHeight);
        Assert.Equal(byBlock.Flows(new FlowQuery()), byRange.Flows(new FlowQuery()));
        foreach (var tx in Chain.SelectMany(b => b.Block.Transactions))
            Assert.Equal(byBlock.FindTransaction(tx.Id), byRange.FindTransaction(tx.Id));
    }

    [Fact]
    public void CatchUp_AfterACrash_IndexesWhatTheStoreHas()
    {
        using var dir = new TempDataDirectory();
        var keys = TestChain.Create();
        using var node = LedgerNode.Open(dir.Data);
        SignedTransaction Transfer(string from, string to, ulong amount)
        {
            var key = keys.Key(from);
            ulong nonce = node.State.Find(key.Address)?.Nonce ?? 0;
            return SignedTransaction.Sign(new Transaction(TestChain.Id, nonce, TestChain.MinFee, new TransferPayload(keys.Key(to).Address, AssetId.Fsh, new Amount(amount))), key);
        }

        var index = Open("node");
        for (int i = 0; i < 4; i++)
        {
            var produced = node.Commit([Transfer("alice", "bob", 10 + (ulong)i)])!.Produced!;
            index.Index(produced.Block!, produced.Receipts);
        }

        for (int i = 0; i < 7; i++) node.Commit([Transfer("bob", "carol", 3), Transfer("carol", "dave", 1)]);
        index.Dispose();

        var reopened = Open("node");
        Assert.Equal(4UL, reopened.IndexedHeight);
        Assert.Equal(7UL, ChainIndexes.CatchUp(reopened, node, batchSize: 3));
        Assert.Equal(11UL, reopened.IndexedHeight);
        Assert.Equal(0UL, ChainIndexes.CatchUp(reopened, node));
        var stored = Enumerable.Range(1, 11).Select(h => (node.ReadBlock((ulong)h)!, node.ReadReceipts((ulong)h)));
        Assert.Equal(IndexedChain.AllFlows(stored), reopened.Flows(new FlowQuery()));

        var ahead = Assert.Throws<UserFacingException>(() => ChainIndexes.CatchUp(reopened, 5, node.ReadBlock, node.ReadReceipts));
        Assert.Equal("index_ahead", ahead.Code);
    }

    [Fact]
    public void IndexBenchmark_IndexesEverySyntheticEvent()
    {
        var index = Open();
        var result = IndexBenchmark.Run(index, events: 2_000, eventsPerBlock: 100, blocksPerCall: 7);
        Assert.Equal(20UL, index.IndexedHeight);
        Assert.Equal(2_000, index.Flows(new FlowQuery(Limit: 100_000)).Count);
        Assert.Equal(index.Flows(new FlowQuery(Account: Address.ForModule("bench-index-7"), Limit: 100_000)).Count, result.AccountQueryFlows);
        Assert.True(result.AccountQueryFlows > 0);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var index in _opened) index.Dispose();
        GC.SuppressFinalize(this);
        DisposeStore();
    }

    /// <summary>Removes what the backend created for this test.</summary>
    protected abstract void DisposeStore();
}
