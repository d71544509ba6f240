using System.Numerics;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Tests.Modules.Lending.LendingChain;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>Flash loans as batch steps, and the flash-loan attack on a spot-price oracle that the TWAP defeats.</summary>
public sealed class LendingFlashLoanTests
{
    private static readonly Amount Loan = Units("50000");

    [Fact]
    public void FlashLoan_RepaidInTheSameBatch_Succeeds_AndTheFeeGoesToReserves()
    {
        var l = Create();
        var before = l.Market(AssetId.Usdf);
        var cashBefore = LendingMarkets.Balance(l.Chain.State, before);
        var rateBefore = LendingMarkets.ExchangeRate(l.Chain.State, before);
        var aliceBefore = l.Balance("alice", AssetId.Usdf);
        var fee = Loan.ToBigInteger() * LendingParams.Default.FlashLoanFeeBps / 10_000;

        // Borrow 50,000 USDF, round-trip it through the pool, and let the end of the transaction take it back.
        var events = l.Ok("alice", new BatchPayload(
        [
            new LendFlashLoanPayload(AssetId.Usdf, Loan),
            new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], Units("1000"), Amount.Zero, false),
        ]));

        var after = l.Market(AssetId.Usdf);
        Assert.Equal(before.TotalReserves + fee, after.TotalReserves);
        Assert.Equal(cashBefore + fee, LendingMarkets.Balance(l.Chain.State, after));
        Assert.Equal(rateBefore, LendingMarkets.ExchangeRate(l.Chain.State, after));
        Assert.Equal(aliceBefore - Units("1000") - ToAmount(fee), l.Balance("alice", AssetId.Usdf));
        Assert.Equal(2, events.Count(e => e.Tag == FlowTag.FlashLoan));
        Assert.Equal(fee, Assert.Single(events, e => e.Tag == FlowTag.ProtocolFee).Amount.ToBigInteger());
        Assert.Equal(BigInteger.Zero, LendingMarkets.FlashOutstanding(l.Chain.State, AssetId.Usdf));
        l.AssertSupplyConserved();
    }

    [Fact]
    public void FlashLoan_NotRepaid_RevertsTheWholeBatch_AndTheStateRootIsUnchanged()
    {
        var l = Create();
        // Alice gives the loan away, so at the end of the transaction she cannot pay it back.
        l.Refused("alice", new BatchPayload(
        [
            new LendFlashLoanPayload(AssetId.Usdf, Loan),
            new TransferPayload(l.Address("bob"), AssetId.Usdf, Loan),
        ]), ResultCode.FlashLoanNotRepaid);
        // Enough to repay the loan but not its fee is still not repaid.
        var alicesUsdf = l.Balance("alice", AssetId.Usdf);
        l.Refused("alice", new BatchPayload(
        [
            new LendFlashLoanPayload(AssetId.Usdf, Loan),
            new TransferPayload(l.Address("bob"), AssetId.Usdf, alicesUsdf),
        ]), ResultCode.FlashLoanNotRepaid);
        l.Refused("alice", new LendFlashLoanPayload(AssetId.Usdf, IssuerSupply + Amount.One), ResultCode.LendCashNotAvailable);
        l.Refused("alice", new LendFlashLoanPayload(new AssetId(42), Loan), ResultCode.LendMarketNotFound);
    }

    /// <summary>
    /// The scenario: inside one batch an attacker flash-borrows 50,000 USDF, dumps it into the FSH/USDF pool to
    /// push the FSH spot price up some 4000-fold, and borrows against its FSH collateral. Lending reads the TWAP, so the
    /// borrowing power is the same to the last unit before and after the dump.
    /// </summary>
    [Fact]
    public void FlashLoanAttack_MovingTheSpotPrice_DoesNotMoveTheBorrowLimit()
    {
        var l = Create();
        l.Ok("dave", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        var limit = l.Liquidity("dave").Liquidity;
        Assert.Equal(Units("100").ToBigInteger(), limit);

        // Step by step inside one transaction, looking at the state between the steps.
        var state = l.Chain.State;
        var rootBefore = state.ComputeRoot();
        var checkpoint = state.Checkpoint();
        var context = new TxContext(state, state.Find(l.Address("dave"))!, state.Head.Height + 1, state.Head.TimestampMs + 1000,
            l.Chain.Validator.Address, new List<LedgerEvent>());
        var spotBefore = AmmOracle.Spot(AmmPools.Find(state, AssetId.Fsh, AssetId.Usdf)!, AssetId.Fsh);
        Assert.Equal(ResultCode.Ok, new LendFlashLoanPayload(AssetId.Usdf, Loan).Run(context));
        Assert.Equal(ResultCode.Ok, new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], Loan, Amount.Zero, false).Run(context));
        var spotAfter = AmmOracle.Spot(AmmPools.Find(state, AssetId.Fsh, AssetId.Usdf)!, AssetId.Fsh);
        Assert.True(spotAfter > 1000 * spotBefore, $"spot {spotBefore} -> {spotAfter}");
        Assert.Equal(ResultCode.Ok, LendingModule.TryAccountLiquidity(state, l.Address("dave"), context.TimestampSeconds, out var during));
        Assert.Equal(limit, during.Liquidity);
        Assert.Equal(ResultCode.LendInsufficientLiquidity, new LendBorrowPayload(AssetId.Usdf, ToAmount(limit + 1)).Run(context));
        Assert.Equal(ResultCode.FlashLoanNotRepaid, context.Settle());
        state.Rollback(checkpoint);
        Assert.Equal(rootBefore, state.ComputeRoot());

        // The same attack as a real batch: borrowing above the TWAP limit reverts all of it.
        l.Refused("dave", new BatchPayload(
        [
            new LendFlashLoanPayload(AssetId.Usdf, Loan),
            new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], Loan, Amount.Zero, false),
            new LendBorrowPayload(AssetId.Usdf, ToAmount(limit + 1)),
        ]), ResultCode.LendInsufficientLiquidity);

        // With enough of its own USDF to repay the flash loan, the attacker's batch goes through, the spot stays moved,
        // and what it could borrow was the TWAP limit, not a unit more.
        l.Ok("issuer", new MintStablePayload(l.Address("dave"), Units("60000")));
        l.Ok("dave", new BatchPayload(
        [
            new LendFlashLoanPayload(AssetId.Usdf, Loan),
            new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], Loan, Amount.Zero, false),
            new LendBorrowPayload(AssetId.Usdf, ToAmount(limit)),
        ]));
        var spotNow = AmmOracle.Spot(AmmPools.Find(l.Chain.State, AssetId.Fsh, AssetId.Usdf)!, AssetId.Fsh);
        Assert.True(spotNow > 1000 * spotBefore);
        Assert.Equal(limit, CompoundV2Math.BorrowBalanceStored(
            LendingMarkets.Borrow(l.Chain.State, AssetId.Usdf, l.Address("dave")).Snapshot, l.Market(AssetId.Usdf).BorrowIndex));
        l.AssertSupplyConserved();
    }

    private static Amount ToAmount(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount : throw new ArgumentOutOfRangeException(nameof(value));
}
