using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// Only the account's exact next nonce is accepted: one behind is a replay, one ahead is a gap, and either is
/// refused with its code and leaves every account, the nonce and the state root as they were.
/// </summary>
public sealed class NonceWindowTests
{
    private const ulong Amount500 = 500;

    /// <summary>A chain where alice has sent <paramref name="sent"/> transfers, so her next nonce is that number.</summary>
    private static TestChain ChainWhereAliceSent(int sent)
    {
        var chain = TestChain.Create();
        for (ulong i = 0; i < (ulong)sent; i++)
        {
            var produced = chain.Produce(chain.Transfer("alice", "bob", 1, nonce: i));
            Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
        }

        Assert.Equal((ulong)sent, chain.State.Find(chain.Key("alice").Address)!.Nonce);
        return chain;
    }

    public static TheoryData<int, long, ResultCode> OffByOne() => new()
    {
        { 0, +1, ResultCode.NonceGap },
        { 3, +1, ResultCode.NonceGap },
        { 3, -1, ResultCode.NonceReplayed },
        { 1, -1, ResultCode.NonceReplayed },
    };

    [Theory]
    [MemberData(nameof(OffByOne))]
    public void NonceOneAwayFromTheExpected_IsRefusedWithItsCode_AndChangesNothing(int sent, long offset, ResultCode expected)
    {
        var chain = ChainWhereAliceSent(sent);
        var alice = chain.Key("alice").Address;
        var bob = chain.Key("bob").Address;
        ulong nonce = (ulong)((long)sent + offset);
        var rootBefore = chain.State.ComputeRoot();
        var fingerprintBefore = chain.Fingerprint();
        var aliceBefore = chain.State.BalanceOf(alice, AssetId.Fsh);
        var bobBefore = chain.State.BalanceOf(bob, AssetId.Fsh);

        var produced = chain.Produce(chain.Transfer("alice", "bob", Amount500, nonce: nonce));

        Assert.Empty(produced.Block!.Transactions);
        var rejected = Assert.Single(produced.Rejected);
        Assert.Equal(expected, rejected.Code);
        Assert.Equal((ulong)sent, chain.State.Find(alice)!.Nonce);
        Assert.Equal(aliceBefore, chain.State.BalanceOf(alice, AssetId.Fsh));
        Assert.Equal(bobBefore, chain.State.BalanceOf(bob, AssetId.Fsh));
        Assert.Equal(fingerprintBefore, chain.Fingerprint());
        Assert.Equal(rootBefore, chain.State.ComputeRoot());

        // The refusal did not use the nonce up: the exact one still goes through.
        var exact = chain.Produce(chain.Transfer("alice", "bob", Amount500, nonce: (ulong)sent));
        Assert.Equal(ResultCode.Ok, Assert.Single(exact.Receipts).Code);
        Assert.Equal((ulong)sent + 1, chain.State.Find(alice)!.Nonce);
    }

    [Theory]
    [MemberData(nameof(OffByOne))]
    public void ABlockCarryingANonceOneAway_IsRefusedByAFollower_AtThatTransaction(int sent, long offset, ResultCode expected)
    {
        _ = expected;
        var chain = ChainWhereAliceSent(sent);
        var tx = chain.Transfer("alice", "bob", Amount500, nonce: (ulong)((long)sent + offset));
        var head = chain.State.Head;
        var rootBefore = chain.State.ComputeRoot();
        // The roots a proposer would claim if it had skipped the nonce check are unknown; the pre-state root stands in.
        var header = new BlockHeader(TestChain.Id, head.Height + 1, head.BlockHash, head.TimestampMs + 1000, Block.TransactionRootOf([tx]),
            rootBefore, Hash32.Zero, chain.Validator.PublicKey, 1);
        var block = new Block(header, [tx], [BlockSignature.Sign(header, chain.Validator)]);

        var applied = BlockExecutor.Apply(chain.State, block, SignatureChecks.All);

        Assert.Equal(ResultCode.FailedTransactionInBlock, applied.Code);
        Assert.Equal(0, applied.FailedTransactionIndex);
        Assert.Equal(head, chain.State.Head);
        Assert.Equal(rootBefore, chain.State.ComputeRoot());
        Assert.Equal((ulong)sent, chain.State.Find(chain.Key("alice").Address)!.Nonce);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void TheExactNonce_IsAccepted_AndAdvancesTheNonceByOne(int sent)
    {
        var chain = ChainWhereAliceSent(sent);
        var alice = chain.Key("alice").Address;
        var bob = chain.Key("bob").Address;
        var aliceBefore = chain.State.BalanceOf(alice, AssetId.Fsh);
        var bobBefore = chain.State.BalanceOf(bob, AssetId.Fsh);

        var produced = chain.Produce(chain.Transfer("alice", "bob", Amount500, nonce: (ulong)sent));

        Assert.Empty(produced.Rejected);
        Assert.Single(produced.Block!.Transactions);
        Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
        Assert.Equal((ulong)sent + 1, chain.State.Find(alice)!.Nonce);
        Assert.Equal(aliceBefore - new Amount(Amount500) - TestChain.MinFee, chain.State.BalanceOf(alice, AssetId.Fsh));
        Assert.Equal(bobBefore + new Amount(Amount500), chain.State.BalanceOf(bob, AssetId.Fsh));
    }

    [Fact]
    public void InOneBlock_ConsecutiveNoncesPass_AndTheOneThatSkipsOrRepeatsIsLeftOut()
    {
        var chain = TestChain.Create();
        var alice = chain.Key("alice").Address;
        var txs = new[]
        {
            chain.Transfer("alice", "bob", 1, nonce: 0),
            chain.Transfer("alice", "bob", 2, nonce: 2), // one ahead of the expected 1
            chain.Transfer("alice", "bob", 3, nonce: 1),
            chain.Transfer("alice", "bob", 4, nonce: 1), // one behind the expected 2
            chain.Transfer("alice", "bob", 5, nonce: 2),
        };

        var produced = chain.Produce(txs);

        Assert.Equal([txs[0].Id, txs[2].Id, txs[4].Id], produced.Block!.Transactions.Select(t => t.Id));
        Assert.Equal([(txs[1].Id, ResultCode.NonceGap), (txs[3].Id, ResultCode.NonceReplayed)], produced.Rejected.Select(r => (r.Transaction.Id, r.Code)));
        Assert.Equal(3UL, chain.State.Find(alice)!.Nonce);
        // 1 + 3 + 5 moved, three fees of 1000.
        Assert.Equal(TestChain.StartingBalance - new Amount(9) - new Amount(3000), chain.State.BalanceOf(alice, AssetId.Fsh));
    }

    [Fact]
    public void AFirstTransactionWithNonceOne_FromAnAccountThatNeverSent_IsAGap()
    {
        var chain = TestChain.Create();
        var rootBefore = chain.State.ComputeRoot();
        var produced = chain.Produce(chain.Transfer("carol", "bob", 7, nonce: 1));
        Assert.Equal(ResultCode.NonceGap, Assert.Single(produced.Rejected).Code);
        Assert.Equal(0UL, chain.State.Find(chain.Key("carol").Address)!.Nonce);
        Assert.Equal(rootBefore, chain.State.ComputeRoot());
    }

    [Fact]
    public void MaxNonce_IsAGap_NotAWrapAround()
    {
        var chain = ChainWhereAliceSent(1);
        var produced = chain.Produce(chain.Transfer("alice", "bob", 7, nonce: ulong.MaxValue));
        Assert.Equal(ResultCode.NonceGap, Assert.Single(produced.Rejected).Code);
        Assert.Equal(1UL, chain.State.Find(chain.Key("alice").Address)!.Nonce);
    }
}
