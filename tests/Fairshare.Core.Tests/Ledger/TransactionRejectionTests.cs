using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>Each kind of bad transaction is rejected with its own code and leaves the state exactly as it was.</summary>
public sealed class TransactionRejectionTests
{
    private readonly TestChain _chain = TestChain.Create();

    private void AssertRejected(SignedTransaction tx, ResultCode expected)
    {
        var rootBefore = _chain.State.ComputeRoot();
        var before = _chain.Fingerprint();
        var produced = _chain.Produce(tx);
        Assert.Empty(produced.Block!.Transactions);
        var rejected = Assert.Single(produced.Rejected);
        Assert.Equal(expected, rejected.Code);
        Assert.Equal(before, _chain.Fingerprint());
        Assert.Equal(rootBefore, _chain.State.ComputeRoot());
    }

    [Fact]
    public void WrongChainId() => AssertRejected(_chain.Sign("alice", Transfer("bob", 1), chainId: "other-chain"), ResultCode.WrongChainId);

    [Fact]
    public void ReplayedNonce()
    {
        var first = _chain.Transfer("alice", "bob", 5);
        Assert.Single(_chain.Produce(first).Block!.Transactions);
        AssertRejected(first, ResultCode.NonceReplayed);
    }

    [Fact]
    public void NonceGap() => AssertRejected(_chain.Transfer("alice", "bob", 5, nonce: 3), ResultCode.NonceGap);

    [Fact]
    public void InsufficientBalance() =>
        AssertRejected(_chain.Sign("alice", new TransferPayload(_chain.Key("bob").Address, AssetId.Fsh, TestChain.StartingBalance)), ResultCode.InsufficientBalance);

    [Fact]
    public void InsufficientBalance_ForAnUnknownSender() =>
        AssertRejected(_chain.Sign("nobody", Transfer("bob", 1)), ResultCode.InsufficientBalance);

    [Fact]
    public void FeeTooLow() => AssertRejected(_chain.Sign("alice", Transfer("bob", 1), fee: Amount.One), ResultCode.FeeTooLow);

    [Fact]
    public void ZeroAmount() => AssertRejected(_chain.Sign("alice", Transfer("bob", 0)), ResultCode.ZeroAmount);

    [Fact]
    public void UnknownAsset() =>
        AssertRejected(_chain.Sign("alice", new TransferPayload(_chain.Key("bob").Address, new AssetId(77), Amount.One)), ResultCode.UnknownAsset);

    [Fact]
    public void NotIssuer() => AssertRejected(_chain.Sign("alice", new MintStablePayload(_chain.Key("alice").Address, Amount.One)), ResultCode.NotIssuer);

    [Fact]
    public void AmountOverflow()
    {
        var first = _chain.Sign("issuer", new MintStablePayload(_chain.Key("alice").Address, Amount.MaxValue));
        Assert.Single(_chain.Produce(first).Block!.Transactions);
        AssertRejected(_chain.Sign("issuer", new MintStablePayload(_chain.Key("bob").Address, Amount.One)), ResultCode.AmountOverflow);
    }

    [Fact]
    public void NothingToClaim_BeforeTheCliff() => AssertRejected(_chain.Sign("founder", new ClaimVestedPayload()), ResultCode.NothingToClaim);

    [Fact]
    public void BatchThatFailsMidway_LeavesNoTrace()
    {
        var bob = _chain.Key("bob").Address;
        var batch = new BatchPayload([
            new TransferPayload(bob, AssetId.Fsh, new Amount(10)),
            new TransferPayload(bob, AssetId.Fsh, TestChain.StartingBalance),
        ]);
        AssertRejected(_chain.Sign("alice", batch), ResultCode.InsufficientBalance);
    }

    [Fact]
    public void EmptyBatch() => AssertRejected(_chain.Sign("alice", new BatchPayload([])), ResultCode.BadBatch);

    [Fact]
    public void AcceptedTransfer_MovesAmountAndFee_AndBumpsTheNonce()
    {
        var alice = _chain.Key("alice").Address;
        var bob = _chain.Key("bob").Address;
        var produced = _chain.Produce(_chain.Transfer("alice", "bob", 500));
        var receipt = Assert.Single(produced.Receipts);
        Assert.Equal(ResultCode.Ok, receipt.Code);
        Assert.Equal(TestChain.StartingBalance - new Amount(500) - TestChain.MinFee, _chain.State.BalanceOf(alice, AssetId.Fsh));
        Assert.Equal(TestChain.StartingBalance + new Amount(500), _chain.State.BalanceOf(bob, AssetId.Fsh));
        Assert.Equal(1UL, _chain.State.Find(alice)!.Nonce);
        Assert.Equal(new Amount(500), _chain.State.BalanceOf(_chain.Validator.Address, AssetId.Fsh));
        Assert.Equal(new Amount(500), _chain.State.BalanceOf(Address.ForModule("treasury"), AssetId.Fsh));
        Assert.Contains(receipt.Events, e => e.Tag == FlowTag.Transfer && e.From == alice && e.To == bob && e.Amount == new Amount(500));
        Assert.Equal(2, receipt.Events.Count(e => e.Tag == FlowTag.TxFee));
    }

    [Fact]
    public void Vesting_ReleasesLinearlyAfterTheCliff()
    {
        var founder = _chain.Key("founder").Address;
        for (int i = 0; i < 24; i++) _chain.Produce();
        var produced = _chain.Produce(_chain.Sign("founder", new ClaimVestedPayload()));
        var receipt = Assert.Single(produced.Receipts);
        var vested = TestChain.StartingBalance * new Amount(25) / new Amount(100);
        Assert.Contains(receipt.Events, e => e.Tag == FlowTag.Vesting && e.Amount == vested && e.To == founder);
        Assert.Equal(vested - TestChain.MinFee, _chain.State.BalanceOf(founder, AssetId.Fsh));
        Assert.Equal(TestChain.StartingBalance - vested, _chain.State.BalanceOf(Fairshare.Core.Ledger.State.LedgerState.VestingEscrow, AssetId.Fsh));
    }

    [Fact]
    public void MintAndBurn_ChangeTheUsdfSupply()
    {
        var alice = _chain.Key("alice").Address;
        _chain.Produce(_chain.Sign("issuer", new MintStablePayload(_chain.Key("issuer").Address, new Amount(1000))));
        _chain.Produce(_chain.Sign("issuer", new BurnStablePayload(new Amount(400))));
        Assert.Equal(new Amount(600), _chain.State.FindAsset(AssetId.Usdf)!.Supply);
        Assert.Equal(new Amount(600), _chain.SumOfBalances(AssetId.Usdf));
        Assert.Equal(Amount.Zero, _chain.State.BalanceOf(alice, AssetId.Usdf));
    }

    private TransferPayload Transfer(string to, ulong amount) => new(_chain.Key(to).Address, AssetId.Fsh, new Amount(amount));
}
