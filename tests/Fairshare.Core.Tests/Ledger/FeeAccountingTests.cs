using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// Each accepted transaction pays its fee exactly once, whatever its payload (a batch of several steps included),
/// split between proposer and treasury by <c>FeeValidatorBps</c> (proposer's share floored); a refused transaction
/// pays nothing (<see cref="TransactionExecutor"/>: "a failing transaction changes nothing: no fee, no nonce").
/// Every expected number below is worked out by hand from the test chain's genesis: 1,000 FSH (10^21 base units)
/// per named account, a minimum fee of 1000, and a 50/50 split (5000 bps).
/// </summary>
public sealed class FeeAccountingTests
{
    private static readonly Address Treasury = Address.ForModule("treasury");
    private readonly TestChain _chain = TestChain.Create();

    public FeeAccountingTests()
    {
        // The hand computations below rest on these genesis values.
        Assert.Equal((ushort)5000, _chain.State.Params.FeeValidatorBps);
        Assert.Equal(new Amount(1000), _chain.State.Params.MinFee);
        Assert.Equal(Treasury, _chain.State.Params.Treasury);
        Assert.Equal(Amount.Parse("1000000000000000000000"), _chain.State.BalanceOf(_chain.Key("alice").Address, AssetId.Fsh));
    }

    private Address A(string name) => _chain.Key(name).Address;

    private Amount Fsh(Address who) => _chain.State.BalanceOf(who, AssetId.Fsh);

    private TransferPayload Pay(string to, ulong amount) => new(A(to), AssetId.Fsh, new Amount(amount));

    [Fact]
    public void ASuccessfulBatch_PaysOneFee_NotOnePerStep()
    {
        var validator = _chain.Validator.Address;
        var batch = new BatchPayload([Pay("bob", 100), Pay("carol", 200), Pay("bob", 300)]);
        var fsh = _chain.SumOfBalances(AssetId.Fsh);

        var produced = _chain.Produce(_chain.Sign("alice", batch, fee: new Amount(1235)));

        var receipt = Assert.Single(produced.Receipts);
        Assert.Equal(ResultCode.Ok, receipt.Code);
        // 10^21 − (100 + 200 + 300) − 1235
        Assert.Equal(Amount.Parse("999999999999999998165"), Fsh(A("alice")));
        Assert.Equal(Amount.Parse("1000000000000000000400"), Fsh(A("bob")));
        Assert.Equal(Amount.Parse("1000000000000000000200"), Fsh(A("carol")));
        // 1235 × 5000 / 10000 = 617.5, floored to 617 for the proposer; the treasury gets the other 618.
        Assert.Equal(new Amount(617), Fsh(validator));
        Assert.Equal(new Amount(618), Fsh(Treasury));
        Assert.Equal(1UL, _chain.State.Find(A("alice"))!.Nonce);
        var fees = receipt.Events.Where(e => e.Tag == FlowTag.TxFee).ToList();
        Assert.Equal(2, fees.Count);
        Assert.Equal(new Amount(1235), fees[0].Amount + fees[1].Amount);
        Assert.Equal(fsh, _chain.SumOfBalances(AssetId.Fsh));
    }

    [Fact]
    public void SeveralTransactionsFromOneSender_InOneBlock_EachPayTheirOwnFeeOnce()
    {
        var validator = _chain.Validator.Address;
        var txs = new[]
        {
            _chain.Sign("alice", Pay("bob", 10), nonce: 0, fee: new Amount(1000)),
            _chain.Sign("alice", Pay("bob", 20), nonce: 1, fee: new Amount(2001)),
            _chain.Sign("dave", Pay("carol", 7), nonce: 0, fee: new Amount(1500)),
            _chain.Sign("alice", new BatchPayload([Pay("carol", 30), Pay("carol", 40)]), nonce: 2, fee: new Amount(3003)),
        };

        var produced = _chain.Produce(txs);

        Assert.Empty(produced.Rejected);
        Assert.Equal(4, produced.Block!.Transactions.Length);
        // alice: 10^21 − (10 + 20 + 30 + 40) − (1000 + 2001 + 3003) = 10^21 − 6104
        Assert.Equal(Amount.Parse("999999999999999993896"), Fsh(A("alice")));
        // dave: 10^21 − 7 − 1500
        Assert.Equal(Amount.Parse("999999999999999998493"), Fsh(A("dave")));
        Assert.Equal(Amount.Parse("1000000000000000000030"), Fsh(A("bob")));
        Assert.Equal(Amount.Parse("1000000000000000000077"), Fsh(A("carol")));
        // proposer: 500 + 1000 + 750 + 1501 = 3751; treasury: 500 + 1001 + 750 + 1502 = 3753; together 7504 = all four fees.
        Assert.Equal(new Amount(3751), Fsh(validator));
        Assert.Equal(new Amount(3753), Fsh(Treasury));
        Assert.Equal(3UL, _chain.State.Find(A("alice"))!.Nonce);
        Assert.Equal(1UL, _chain.State.Find(A("dave"))!.Nonce);
    }

    [Fact]
    public void ARefusedTransaction_PaysNoFee_WhileItsNeighboursPayOne()
    {
        var validator = _chain.Validator.Address;
        var txs = new[]
        {
            _chain.Sign("alice", Pay("bob", 10), nonce: 0),
            // Overdraws: refused, and it must not cost alice the fee or the nonce.
            _chain.Sign("alice", new TransferPayload(A("bob"), AssetId.Fsh, TestChain.StartingBalance), nonce: 1),
            // A batch whose second step overdraws: refused as a whole, no fee either.
            _chain.Sign("alice", new BatchPayload([Pay("bob", 5), new TransferPayload(A("bob"), AssetId.Fsh, TestChain.StartingBalance)]), nonce: 1),
            _chain.Sign("alice", Pay("bob", 20), nonce: 1),
        };

        var produced = _chain.Produce(txs);

        Assert.Equal([txs[0].Id, txs[3].Id], produced.Block!.Transactions.Select(t => t.Id));
        Assert.Equal([ResultCode.InsufficientBalance, ResultCode.InsufficientBalance], produced.Rejected.Select(r => r.Code));
        // 10^21 − 10 − 20 − 2 × 1000
        Assert.Equal(Amount.Parse("999999999999999997970"), Fsh(A("alice")));
        Assert.Equal(Amount.Parse("1000000000000000000030"), Fsh(A("bob")));
        Assert.Equal(new Amount(1000), Fsh(validator));
        Assert.Equal(new Amount(1000), Fsh(Treasury));
        Assert.Equal(2UL, _chain.State.Find(A("alice"))!.Nonce);
    }

    [Fact]
    public void SpendingEverythingButTheFee_LeavesExactlyZero()
    {
        // 10^21 − 1000: the transfer and the fee use the whole balance.
        var all = Amount.Parse("999999999999999999000");
        var produced = _chain.Produce(_chain.Sign("alice", new TransferPayload(A("bob"), AssetId.Fsh, all)));
        Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
        Assert.Equal(Amount.Zero, Fsh(A("alice")));
        Assert.Equal(Amount.Parse("1999999999999999999000"), Fsh(A("bob")));
    }

    [Fact]
    public void SpendingOneMoreThanBalanceMinusFee_IsRefused_AndCostsNothing()
    {
        var oneTooMany = Amount.Parse("999999999999999999001");
        var rootBefore = _chain.State.ComputeRoot();
        var produced = _chain.Produce(_chain.Sign("alice", new TransferPayload(A("bob"), AssetId.Fsh, oneTooMany)));
        Assert.Equal(ResultCode.InsufficientBalance, Assert.Single(produced.Rejected).Code);
        Assert.Equal(TestChain.StartingBalance, Fsh(A("alice")));
        Assert.Equal(Amount.Zero, Fsh(_chain.Validator.Address));
        Assert.Equal(rootBefore, _chain.State.ComputeRoot());
    }

    [Fact]
    public void AFeeOverTheMinimum_IsChargedInFull_Once()
    {
        // A non-transfer payload: the issuer mints USDF and pays 10^18 + 1 in fees.
        var fee = Amount.Parse("1000000000000000001");
        var produced = _chain.Produce(_chain.Sign("issuer", new MintStablePayload(A("bob"), new Amount(42)), fee: fee));
        Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
        // 10^21 − (10^18 + 1)
        Assert.Equal(Amount.Parse("998999999999999999999"), Fsh(A("issuer")));
        Assert.Equal(new Amount(42), _chain.State.BalanceOf(A("bob"), AssetId.Usdf));
        Assert.Equal(Amount.Parse("500000000000000000"), Fsh(_chain.Validator.Address));
        Assert.Equal(Amount.Parse("500000000000000001"), Fsh(Treasury));
    }
}
