using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>A follower re-executes blocks: good ones give the proposer's root, bad ones are refused and change nothing.</summary>
public sealed class BlockValidationTests
{
    private readonly TestChain _proposer = TestChain.Create();
    private readonly TestChain _follower = TestChain.Create();

    private Block ProduceGood() =>
        _proposer.Produce(_proposer.Transfer("alice", "bob", 10), _proposer.Transfer("bob", "carol", 20), _proposer.Transfer("carol", "zed", 30)).Block!;

    private Block Resign(Block block, BlockHeader header, KeyPair? signer = null) =>
        block with { Header = header, Signatures = [BlockSignature.Sign(header, signer ?? _proposer.Validator)] };

    private void AssertRefused(Block block, ResultCode expected, SignatureChecks checks = SignatureChecks.All)
    {
        var before = _follower.Fingerprint();
        var root = _follower.State.ComputeRoot();
        var head = _follower.State.Head;
        var applied = BlockExecutor.Apply(_follower.State, block, checks);
        Assert.Equal(expected, applied.Code);
        Assert.Equal(before, _follower.Fingerprint());
        Assert.Equal(root, _follower.State.ComputeRoot());
        Assert.Equal(head, _follower.State.Head);
    }

    [Fact]
    public void GoodBlock_GivesTheSameRootAndReceipts()
    {
        var produced = _proposer.Produce(_proposer.Transfer("alice", "bob", 10));
        var applied = BlockExecutor.Apply(_follower.State, produced.Block!, SignatureChecks.All);
        Assert.True(applied.IsOk, applied.Code.ToString());
        Assert.Equal(_proposer.State.Head, _follower.State.Head);
        Assert.Equal(produced.Receipts.ToArray(), applied.Receipts.ToArray());
        Assert.Equal(_proposer.Fingerprint(), _follower.Fingerprint());
    }

    [Fact]
    public void EncodedBlock_DecodesToTheSameBlock()
    {
        var block = ProduceGood();
        var bytes = block.Encode();
        Assert.Equal(ResultCode.Ok, Block.TryDecode(bytes, out var decoded));
        Assert.Equal(block.Hash, decoded!.Hash);
        Assert.Equal(bytes, decoded.Encode());
        Assert.Equal(ResultCode.TrailingBytes, Block.TryDecode([.. bytes, 1], out _));
        Assert.NotEqual(ResultCode.Ok, Block.TryDecode(bytes.AsSpan(0, bytes.Length - 1), out _));
    }

    [Fact]
    public void WrongHeight() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { Height = 5 }), ResultCode.BadHeight); }

    [Fact]
    public void WrongPreviousHash() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { PreviousHash = Hash32.Compute([9]) }), ResultCode.BadPreviousHash); }

    [Fact]
    public void TimestampNotAfterTheHead() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { TimestampMs = _follower.State.Head.TimestampMs }), ResultCode.TimestampNotMonotonic); }

    [Fact]
    public void WrongChain() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { ChainId = "other" }), ResultCode.BlockWrongChainId); }

    [Fact]
    public void TransactionsThatDoNotMatchTheRoot()
    {
        var b = ProduceGood();
        AssertRefused(b with { Transactions = b.Transactions.RemoveAt(0) }, ResultCode.BadTransactionRoot);
    }

    [Fact]
    public void TheRightRootWithTheWrongCount() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { TransactionCount = b.Header.TransactionCount + 1 }), ResultCode.BadTransactionRoot); }

    [Fact]
    public void TheRightCountWithTheWrongRoot()
    {
        var b = ProduceGood();
        AssertRefused(b with { Transactions = [b.Transactions[1], b.Transactions[0], b.Transactions[2]] }, ResultCode.BadTransactionRoot);
    }

    [Fact]
    public void AnUnknownHeaderVersion_DoesNotDecode()
    {
        var bytes = ProduceGood().Encode();
        Assert.Equal(1, bytes[0]); // the header's version comes first (docs/protocol/encoding.md)
        bytes[0] = 2;
        Assert.Equal(ResultCode.UnknownTag, Block.TryDecode(bytes, out _));
    }

    [Fact]
    public void Produce_WithAClockNotAfterTheHead_StampsTheHeadPlusOneMillisecond()
    {
        var chain = TestChain.Create();
        chain.Produce(chain.Transfer("alice", "bob", 1));
        ulong head = chain.State.Head.TimestampMs;

        Assert.Equal(head + 1, BlockExecutor.Produce(chain.State, [], head, chain.Validator, allowEmpty: true).Block!.Header.TimestampMs);
        Assert.Equal(head + 2, BlockExecutor.Produce(chain.State, [], head - 500, chain.Validator, allowEmpty: true).Block!.Header.TimestampMs);
        Assert.Equal(head + 5_000, BlockExecutor.Produce(chain.State, [], head + 5_000, chain.Validator, allowEmpty: true).Block!.Header.TimestampMs);
        Assert.Equal(head + 5_000, chain.State.Head.TimestampMs);
    }

    [Fact]
    public void SignedByANonValidator() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header, KeyPair.ForDevelopment("mallory")), ResultCode.BadBlockSignature); }

    [Fact]
    public void SignedByAnotherValidatorButNotByItsProposer()
    {
        // Two validators; test-validator proposes. The other's signature alone, valid as it is, does not make the block.
        using var second = KeyPair.ForDevelopment("second-validator");
        var genesis = TestChain.CreateGenesis();
        genesis = genesis with { Validators = genesis.Validators.Add(second.PublicKey) };
        var proposer = TestChain.Create(genesis);
        var follower = TestChain.Create(genesis);
        var block = proposer.Produce(proposer.Transfer("alice", "bob", 10)).Block!;

        var byTheOther = block with { Signatures = [BlockSignature.Sign(block.Header, second)] };
        Assert.Equal(ResultCode.BadBlockSignature, BlockExecutor.Apply(follower.State, byTheOther, SignatureChecks.All).Code);
        Assert.Equal(0UL, follower.State.Head.Height);

        var byBoth = block with { Signatures = [.. block.Signatures, BlockSignature.Sign(block.Header, second)] };
        Assert.Equal(ResultCode.Ok, BlockExecutor.Apply(follower.State, byBoth, SignatureChecks.All).Code);
    }

    [Fact]
    public void TamperedHeaderWithTheOldSignature() { var b = ProduceGood(); AssertRefused(b with { Header = b.Header with { TimestampMs = b.Header.TimestampMs + 1 } }, ResultCode.BadBlockSignature); }

    [Fact]
    public void WrongStateRoot() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { StateRoot = Hash32.Compute([1]) }), ResultCode.BadStateRoot); }

    [Fact]
    public void WrongReceiptsRoot() { var b = ProduceGood(); AssertRefused(Resign(b, b.Header with { ReceiptsRoot = Hash32.Compute([1]) }), ResultCode.BadReceiptsRoot); }

    [Fact]
    public void ABadTransactionSignature()
    {
        var b = ProduceGood();
        var good = b.Transactions[1];
        var forged = new SignedTransaction(good.Body, good.Signer, new byte[64]);
        var transactions = b.Transactions.SetItem(1, forged);
        var header = b.Header with { TransactionRoot = Block.TransactionRootOf(transactions) };
        var block = Resign(b with { Transactions = transactions }, header);
        AssertRefused(block, ResultCode.BadSignature);
    }

    [Fact]
    public void ATransactionThatFails()
    {
        var b = ProduceGood();
        var failing = _follower.Transfer("dave", "bob", 1, nonce: 9);
        var transactions = b.Transactions.Add(failing);
        var header = b.Header with { TransactionRoot = Block.TransactionRootOf(transactions), TransactionCount = (uint)transactions.Length };
        AssertRefused(Resign(b with { Transactions = transactions }, header), ResultCode.FailedTransactionInBlock);
    }

    [Fact]
    public void ChainOfBlocks_ReplaysToTheSameHead()
    {
        for (int i = 0; i < 5; i++)
        {
            var block = _proposer.Produce(_proposer.Transfer("alice", "bob", (ulong)(i + 1)), _proposer.Transfer("bob", "alice", 3)).Block!;
            Assert.True(BlockExecutor.Apply(_follower.State, block, SignatureChecks.All).IsOk);
        }

        Assert.Equal(_proposer.State.Head, _follower.State.Head);
        Assert.Equal(5UL, _follower.State.Head.Height);
    }
}
