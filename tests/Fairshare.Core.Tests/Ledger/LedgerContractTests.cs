using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// The ledger's contracts that the block tests cross only in passing, each from its documentation: a block's receipt
/// list decodes to itself and refuses one byte over or short and more entries than a block may hold; two receipts are
/// equal only with the same transaction, code and events; a module's mint and burn move the supply, the balance and
/// leave one event, and zero does nothing; a failing transaction leaves the caller's event list as it was; the size
/// limit of a transaction is inclusive.
/// </summary>
public sealed class LedgerContractTests
{
    private readonly TestChain _chain = TestChain.Create();

    [Fact]
    public void AReceiptList_DecodesToItself_AndRefusesOneByteOverOrShort_AndTooManyEntries()
    {
        var alice = _chain.Key("alice").Address;
        var bob = _chain.Key("bob").Address;
        ImmutableArray<Receipt> receipts =
        [
            new(Hash32.Compute([1]), ResultCode.Ok, [new LedgerEvent(FlowTag.Transfer, AssetId.Fsh, alice, bob, new Amount(5)), new LedgerEvent(FlowTag.TxFee, AssetId.Fsh, alice, default, new Amount(1))]),
            new(Hash32.Compute([2]), ResultCode.Ok, []),
            new(Hash32.Compute([3]), ResultCode.Ok, [new LedgerEvent(FlowTag.Escrow, AssetId.Usdf, bob, alice, new Amount(7))]),
        ];
        var bytes = ReceiptCodec.Encode(receipts);
        Assert.Equal(ResultCode.Ok, ReceiptCodec.TryDecode(bytes, out var decoded));
        Assert.Equal(receipts.ToArray(), decoded.ToArray());
        Assert.Equal(3, decoded.Length);

        Assert.NotEqual(ResultCode.Ok, ReceiptCodec.TryDecode([.. bytes, 0], out var over));
        Assert.True(over.IsEmpty);
        Assert.NotEqual(ResultCode.Ok, ReceiptCodec.TryDecode(bytes.AsSpan(0, bytes.Length - 1), out var shorter));
        Assert.True(shorter.IsEmpty);
        Assert.Equal(ResultCode.Ok, ReceiptCodec.TryDecode(ReceiptCodec.Encode([]), out var none));
        Assert.True(none.IsEmpty);

        // A count one past the most transactions a block holds (varuint), with nothing after it.
        var writer = new Core.Encoding.CanonicalWriter(8);
        writer.WriteVarUInt((ulong)Block.MaxTransactions + 1);
        Assert.Equal(ResultCode.TooManyItems, ReceiptCodec.TryDecode(writer.ToArray(), out _));
    }

    [Fact]
    public void TwoReceipts_AreEqual_OnlyWithTheSameTransactionCodeAndEvents()
    {
        var receipt = new Receipt(Hash32.Compute([1]), ResultCode.Ok, []);
        Assert.Equal(receipt, new Receipt(Hash32.Compute([1]), ResultCode.Ok, []));
        Assert.NotEqual(receipt, new Receipt(Hash32.Compute([2]), ResultCode.Ok, []));
        Assert.NotEqual(receipt, receipt with { Code = ResultCode.InsufficientBalance });
        Assert.NotEqual(receipt, receipt with { Events = [new LedgerEvent(FlowTag.Transfer, AssetId.Fsh, default, default, Amount.One)] });
        Assert.False(receipt.Equals(null));
    }

    [Fact]
    public void AModulesMintAndBurn_MoveTheSupplyAndTheBalance_AndLeaveOneEventEach_ZeroDoesNothing()
    {
        var state = _chain.State;
        var alice = _chain.Key("alice").Address;
        var events = new List<LedgerEvent>();
        var context = new TxContext(state, state.GetOrCreate(alice), state.Head.Height + 1, 0, default, events);
        var supply = state.FindAsset(AssetId.Fsh)!.Supply;
        var balance = state.BalanceOf(alice, AssetId.Fsh);

        Assert.Equal(ResultCode.Ok, context.Mint(AssetId.Fsh, alice, new Amount(40), FlowTag.Emission));
        Assert.Equal(supply + new Amount(40), state.FindAsset(AssetId.Fsh)!.Supply);
        Assert.Equal(balance + new Amount(40), state.BalanceOf(alice, AssetId.Fsh));
        Assert.Equal([new LedgerEvent(FlowTag.Emission, AssetId.Fsh, default, alice, new Amount(40))], events);

        Assert.Equal(ResultCode.Ok, context.Burn(AssetId.Fsh, alice, new Amount(15), FlowTag.ProtocolFee));
        Assert.Equal(supply + new Amount(25), state.FindAsset(AssetId.Fsh)!.Supply);
        Assert.Equal(balance + new Amount(25), state.BalanceOf(alice, AssetId.Fsh));
        Assert.Equal(new LedgerEvent(FlowTag.ProtocolFee, AssetId.Fsh, alice, default, new Amount(15)), events[^1]);

        Assert.Equal(ResultCode.Ok, context.Mint(AssetId.Fsh, alice, Amount.Zero, FlowTag.Emission));
        Assert.Equal(ResultCode.Ok, context.Burn(AssetId.Fsh, alice, Amount.Zero, FlowTag.ProtocolFee));
        Assert.Equal(2, events.Count);
        Assert.Equal(supply + new Amount(25), state.FindAsset(AssetId.Fsh)!.Supply);

        Assert.Equal(ResultCode.InsufficientBalance, context.Burn(AssetId.Fsh, alice, balance + new Amount(26), FlowTag.ProtocolFee));
        Assert.Equal(supply + new Amount(25), state.FindAsset(AssetId.Fsh)!.Supply);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void AFailingTransaction_LeavesTheCallersEventListAsItWas()
    {
        var alice = _chain.Key("alice").Address;
        var bob = _chain.Key("bob").Address;
        // The batch's first step moves 1 FSH (an event), its second asks for more than alice holds: the whole
        // transaction fails, and the first step's event must go with it.
        var batch = new BatchPayload([new TransferPayload(bob, AssetId.Fsh, Amount.One), new TransferPayload(bob, AssetId.Fsh, TestChain.StartingBalance * new Amount(2))]);
        var sentinel = new LedgerEvent(FlowTag.Transfer, AssetId.Usdf, bob, alice, new Amount(3));
        var events = new List<LedgerEvent> { sentinel };
        var root = _chain.State.ComputeRoot();
        var code = TransactionExecutor.Execute(_chain.State, _chain.Sign("alice", batch), 1, 0, default, events);
        Assert.Equal(ResultCode.InsufficientBalance, code);
        Assert.Equal([sentinel], events);
        Assert.Equal(root, _chain.State.ComputeRoot());
    }

    [Fact]
    public void ATransactionOfExactlyTheSizeLimit_IsDecoded_OneByteMoreIsOversized()
    {
        // Zeros are not a transaction, but at the limit the decoder must look at them (and refuse them for what they
        // are), not refuse them for their size.
        Assert.NotEqual(ResultCode.Oversized, TransactionCodec.TryDecode(new byte[TransactionCodec.MaxSize], out _));
        Assert.Equal(ResultCode.Oversized, TransactionCodec.TryDecode(new byte[TransactionCodec.MaxSize + 1], out var tx));
        Assert.Null(tx);
    }
}
