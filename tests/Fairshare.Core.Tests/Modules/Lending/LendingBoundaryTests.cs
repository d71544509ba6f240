using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using static Fairshare.Core.Tests.Modules.Lending.LendingChain;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>
/// Lending at its edges, from defi-math §2–§3 (Compound v2) and docs/modules/lending.md: the governed ranges each
/// inclusive and one past refused, the per-block rate cap at equality, the documented records and accounts, the
/// stored records as values, and the module's checks at their boundaries (exact cash, exact debt, a redeem with no
/// shortfall, markets an account never entered).
/// </summary>
public sealed class LendingBoundaryTests
{
    private static readonly BigInteger One = BigInteger.Pow(10, 18);
    private static readonly BigInteger Percent = BigInteger.Pow(10, 16);

    [Fact]
    public void DefaultParameters_AreTheDocumentedOnes()
    {
        // LendingParams' documentation and docs/modules/lending.md: 50 %, 10 %, 2 % + 15 % at the 80 % kink, 200 % above
        // it, close factor 50 %, incentive 8 %, Compound's 2.8 % seize share, 9 bps, quoted in USDF.
        var d = LendingParams.Default;
        Assert.Equal(
            (50 * Percent, 10 * Percent, 2 * Percent, 15 * Percent, 200 * Percent, 80 * Percent, 50 * Percent, 108 * Percent, 28 * Percent / 10, 9u, AssetId.Usdf),
            (d.CollateralFactor, d.ReserveFactor, d.BaseRatePerYear, d.MultiplierPerYear, d.JumpMultiplierPerYear, d.Kink, d.CloseFactor,
             d.LiquidationIncentive, d.ProtocolSeizeShare, d.FlashLoanFeeBps, d.QuoteAsset));
        Assert.True(d.IsValid());
    }

    public static TheoryData<string, Func<LendingParams, LendingParams>, bool> ParameterBounds() => new()
    {
        { "collateral factor 90 %", p => p with { CollateralFactor = 90 * Percent }, true },
        { "collateral factor past 90 %", p => p with { CollateralFactor = 90 * Percent + 1 }, false },
        { "reserve factor 100 %", p => p with { ReserveFactor = One }, true },
        { "reserve factor past 100 %", p => p with { ReserveFactor = One + 1 }, false },
        { "kink 100 %", p => p with { Kink = One }, true },
        { "kink past 100 %", p => p with { Kink = One + 1 }, false },
        { "kink 0", p => p with { Kink = 0 }, false },
        { "kink 1", p => p with { Kink = 1 }, true },
        { "close factor 5 %", p => p with { CloseFactor = 5 * Percent }, true },
        { "close factor under 5 %", p => p with { CloseFactor = 5 * Percent - 1 }, false },
        { "close factor 90 %", p => p with { CloseFactor = 90 * Percent }, true },
        { "close factor past 90 %", p => p with { CloseFactor = 90 * Percent + 1 }, false },
        { "incentive 100 %", p => p with { LiquidationIncentive = One }, true },
        { "incentive under 100 %", p => p with { LiquidationIncentive = One - 1 }, false },
        { "incentive 150 %", p => p with { LiquidationIncentive = 150 * Percent }, true },
        { "incentive past 150 %", p => p with { LiquidationIncentive = 150 * Percent + 1 }, false },
        { "seize share 100 %", p => p with { ProtocolSeizeShare = One }, true },
        { "seize share past 100 %", p => p with { ProtocolSeizeShare = One + 1 }, false },
        { "flash fee 10,000 bps", p => p with { FlashLoanFeeBps = 10_000 }, true },
        { "flash fee 10,001 bps", p => p with { FlashLoanFeeBps = 10_001 }, false },
        { "base rate 0", p => p with { BaseRatePerYear = 0 }, true },
        { "base rate negative", p => p with { BaseRatePerYear = -1 }, false },
        { "multiplier 0", p => p with { MultiplierPerYear = 0 }, true },
        { "multiplier negative", p => p with { MultiplierPerYear = -1 }, false },
        { "jump multiplier 0", p => p with { JumpMultiplierPerYear = 0 }, true },
        { "jump multiplier negative", p => p with { JumpMultiplierPerYear = -1 }, false },
    };

    [Theory]
    [MemberData(nameof(ParameterBounds))]
    public void EachParameterBound_IsInclusive_AndOnePastIsRefused(string bound, Func<LendingParams, LendingParams> change, bool valid)
    {
        var parameters = change(LendingParams.Default);
        Assert.True(parameters.IsValid() == valid, $"{bound}: expected {(valid ? "valid" : "refused")}");
        var state = Create(withPool: false, withMarkets: false).Chain.State;
        Assert.Equal(valid ? ResultCode.Ok : ResultCode.ParameterOutOfRange, LendingMarkets.SetParams(state, parameters));
        Assert.Equal(valid ? parameters : LendingParams.Default, LendingMarkets.Params(state));
    }

    [Fact]
    public void TheBorrowRateAtFullUtilization_MayReachThePerBlockCap_ButNotPassIt()
    {
        // Full-utilization rate = kink × multiplier + base + (1 − kink) × jump (each product scaled by 1e18), at most
        // BorrowRateMaxMantissa = 0.0005e16 per block (§3). With kink 80 %: 0.8 × 2.5e12 + 1e12 + 0.2 × 1e13 = 5e12.
        var cap = CompoundV2Math.BorrowRateMaxMantissa;
        Assert.Equal(new BigInteger(5_000_000_000_000), cap);
        var atCap = new MarketRisk(50 * Percent, 10 * Percent, new JumpRateModel(1_000_000_000_000, 2_500_000_000_000, 10_000_000_000_000, 80 * Percent));
        Assert.True(atCap.IsValid());
        Assert.False((atCap with { RateModel = atCap.RateModel with { BaseRatePerBlock = 1_000_000_000_001 } }).IsValid());
        Assert.False((atCap with { RateModel = atCap.RateModel with { MultiplierPerBlock = 2_500_000_000_002 } }).IsValid());
        Assert.False((atCap with { RateModel = atCap.RateModel with { JumpMultiplierPerBlock = 10_000_000_000_005 } }).IsValid());
        Assert.True((atCap with { RateModel = atCap.RateModel with { BaseRatePerBlock = 999_999_999_999 } }).IsValid());
    }

    [Fact]
    public void AMarketsRiskBounds_AreInclusive_AndOnePastIsRefused()
    {
        var risk = new MarketRisk(90 * Percent, One, new JumpRateModel(0, 0, 0, One));
        Assert.True(risk.IsValid());
        Assert.False((risk with { CollateralFactor = 90 * Percent + 1 }).IsValid());
        Assert.False((risk with { ReserveFactor = One + 1 }).IsValid());
        Assert.False((risk with { RateModel = risk.RateModel with { Kink = One + 1 } }).IsValid());
        Assert.False((risk with { RateModel = risk.RateModel with { Kink = 0 } }).IsValid());
        Assert.True((risk with { RateModel = risk.RateModel with { Kink = 1 } }).IsValid());
    }

    [Fact]
    public void SetRisk_ChangesAnExistingMarket_AndNamesAMissingOne()
    {
        var l = Create();
        var state = l.Chain.State;
        var risk = new MarketRisk(30 * Percent, 20 * Percent, new JumpRateModel(1, 2, 3, 70 * Percent));
        Assert.Equal(ResultCode.Ok, LendingMarkets.SetRisk(state, AssetId.Usdf, risk));
        Assert.Equal(risk, l.Market(AssetId.Usdf).Risk);
        Assert.Equal(ResultCode.LendMarketNotFound, LendingMarkets.SetRisk(state, new AssetId(77), risk));
        Assert.Equal(ResultCode.ParameterOutOfRange, LendingMarkets.SetRisk(state, AssetId.Usdf, risk with { CollateralFactor = One }));
        Assert.Equal(risk, l.Market(AssetId.Usdf).Risk);
    }

    [Fact]
    public void StoredRecords_DecodeToThemselves_AndOneByteShortOrOverThrows()
    {
        var parameters = new LendingParams(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, new AssetId(11));
        AssertStored(parameters.Encode(), b => LendingParams.Decode(b), parameters);
        var market = new Core.Modules.Lending.Market(new AssetId(3), new AssetId(4), 5, 6, 7, 8, 9, new MarketRisk(10, 11, new JumpRateModel(12, 13, 14, 15)));
        AssertStored(market.Encode(), b => Core.Modules.Lending.Market.Decode(b), market);
        var borrow = new AccountBorrow(16, 17, 18);
        AssertStored(borrow.Encode(), b => AccountBorrow.Decode(b), borrow);
    }

    [Fact]
    public void ACTokensSymbol_IsCPlusTheUnderlyings_UnderTwentyFourCharacters_ElseItsId()
    {
        var l = Create(withPool: false, withMarkets: false);
        var state = l.Chain.State;
        var short23 = Register(state, new string('S', 23));
        var long24 = Register(state, new string('L', 24));
        l.Ok("alice", new LendCreateMarketPayload(short23));
        l.Ok("alice", new LendCreateMarketPayload(long24));
        Assert.Equal("c" + new string('S', 23), state.FindAsset(l.Market(short23).CToken)!.Symbol);
        Assert.Equal($"c{long24.Value}", state.FindAsset(l.Market(long24).CToken)!.Symbol);
    }

    [Fact]
    public void AMarketsCash_SitsInItsDocumentedAccount()
    {
        var l = Create();
        Assert.Equal(Address.ForModule("lending/market/1"), LendingMarkets.Account(new AssetId(1)));
        Assert.Equal(IssuerSupply, l.Chain.State.BalanceOf(Address.ForModule($"lending/market/{AssetId.Usdf.Value}"), AssetId.Usdf));
    }

    [Fact]
    public void ABorrowRepaidInFull_LeavesNoRecord_AndAFlashLoanLeavesNoneEither()
    {
        var l = Create();
        var state = l.Chain.State;
        var bob = l.Address("bob");
        l.Ok("bob", new LendSupplyPayload(AssetId.Usdf, Units("1000")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Fsh, Units("10")));
        Assert.NotNull(state.ReadRecord(StateKey.Of(ModuleIds.Lending, 2, AssetId.Fsh.Value, bob)));
        l.Ok("bob", new LendRepayPayload(AssetId.Fsh, bob, Amount.MaxValue));
        Assert.Null(state.ReadRecord(StateKey.Of(ModuleIds.Lending, 2, AssetId.Fsh.Value, bob)));

        l.Ok("bob", new BatchPayload([new LendFlashLoanPayload(AssetId.Usdf, Units("100"))]));
        Assert.Null(state.ReadRecord(StateKey.Of(ModuleIds.Lending, 5, AssetId.Usdf.Value)));
    }

    [Fact]
    public void AFlashLoanOfTheMarketsWholeBalance_IsLent_AndOneMoreIsNot()
    {
        var l = Create();
        var balance = LendingMarkets.Balance(l.Chain.State, l.Market(AssetId.Usdf));
        var whole = AmountOf(balance);
        l.Refused("bob", new BatchPayload([new LendFlashLoanPayload(AssetId.Usdf, AmountOf(balance + 1))]), ResultCode.LendCashNotAvailable);
        l.Ok("bob", new BatchPayload([new LendFlashLoanPayload(AssetId.Usdf, whole)]));
    }

    [Fact]
    public void WhileAFlashLoanIsOut_ASupplyMintsWhatItWouldWithout()
    {
        // docs: the market's cash counts the loan while it is out, so the exchange rate a supply meets does not move.
        var plain = Create();
        var flash = Create();
        plain.Ok("bob", new LendSupplyPayload(AssetId.Usdf, Units("1000")));
        flash.Ok("bob", new BatchPayload([new LendFlashLoanPayload(AssetId.Usdf, Units("50000")), new LendSupplyPayload(AssetId.Usdf, Units("1000"))]));
        var cToken = plain.Market(AssetId.Usdf).CToken;
        Assert.False(plain.Balance("bob", cToken).IsZero);
        Assert.Equal(plain.Balance("bob", cToken), flash.Balance("bob", cToken));
    }

    [Fact]
    public void RepayingExactlyWhatIsOwed_IsAccepted_AndOneMoreIsRefused()
    {
        // Borrow and repay in one block: no block passes, so nothing accrues and the debt is exactly the amount borrowed.
        var l = Create();
        var bob = l.Address("bob");
        l.Ok("bob", new LendSupplyPayload(AssetId.Usdf, Units("1000")));
        var borrow = l.Chain.Sign("bob", new LendBorrowPayload(AssetId.Fsh, Units("10")));
        var tooMuch = l.Chain.Sign("carol", new LendRepayPayload(AssetId.Fsh, bob, Units("10") + Amount.One));
        var exact = l.Chain.Sign("alice", new LendRepayPayload(AssetId.Fsh, bob, Units("10")));
        var produced = l.Chain.Produce(borrow, tooMuch, exact);
        Assert.Equal([ResultCode.Ok, ResultCode.LendRepayExceedsBorrow, ResultCode.Ok], Codes(produced, borrow, tooMuch, exact));
        Assert.Null(l.Chain.State.ReadRecord(StateKey.Of(ModuleIds.Lending, 2, AssetId.Fsh.Value, bob)));
    }

    [Fact]
    public void ABorrowerWithNoShortfallAfter_MayRedeemSome()
    {
        var l = Create();
        l.Ok("bob", new LendSupplyPayload(AssetId.Usdf, Units("1000")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Fsh, Units("10")));
        var cTokens = l.Balance("bob", l.Market(AssetId.Usdf).CToken);
        l.Ok("bob", new LendRedeemPayload(AssetId.Usdf, AmountOf(cTokens.ToBigInteger() / 10), Amount.Zero));
        Assert.True(l.Liquidity("bob").Liquidity > 0);
    }

    [Fact]
    public void AMarketWithNoPrice_ThatAnAccountNeverEntered_DoesNotStopItsBorrow_ButOneItEnteredDoes()
    {
        var l = Create();
        var state = l.Chain.State;
        var unpriced = Register(state, "NOPRICE");
        l.Ok("alice", new LendCreateMarketPayload(unpriced));
        l.Ok("bob", new LendSupplyPayload(AssetId.Usdf, Units("1000")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Fsh, Units("10")));
        Assert.Equal(ResultCode.Ok, LendingModule.TryAccountLiquidity(state, l.Address("bob"), l.NextSeconds, out var liquidity));
        Assert.True(liquidity.Liquidity > 0);

        // An account that holds the unpriced market's cTokens cannot be valued: the documented code, not an exception.
        state.SetBalance(state.Find(l.Address("carol"))!, l.Market(unpriced).CToken, new Amount(1));
        Assert.Equal(ResultCode.LendPriceUnavailable, LendingModule.TryAccountLiquidity(state, l.Address("carol"), l.NextSeconds, out _));
    }

    [Fact]
    public void RepayAndLiquidate_NameAMissingMarket()
    {
        var l = Create();
        var bob = l.Address("bob");
        l.Refused("alice", new LendRepayPayload(new AssetId(77), bob, Units("1")), ResultCode.LendMarketNotFound);
        l.Refused("alice", new LendLiquidatePayload(bob, AssetId.Fsh, Units("1"), new AssetId(77)), ResultCode.LendMarketNotFound);
    }

    [Fact]
    public void TheMath_AtItsBoundaries()
    {
        var cap = CompoundV2Math.BorrowRateMaxMantissa;
        var market = new MarketInterest(1_000 * One, 0, One);
        Assert.Equal(cap * 1_000, CompoundV2Math.AccrueInterest(market, 0, cap, 1).InterestAccumulated);
        Assert.Equal("BORROW_RATE_ABSURDLY_HIGH", Assert.Throws<RevertException>(() => CompoundV2Math.AccrueInterest(market, 0, cap + 1, 1)).Error);

        // Redeem 5 underlying at an exchange rate of 1: all the cash, then one more than the cash.
        Assert.Equal(new BigInteger(5), CompoundV2Math.Redeem(0, 5, One, 5).RedeemAmount);
        Assert.Equal("REDEEM_TRANSFER_OUT_NOT_POSSIBLE", Assert.Throws<RevertException>(() => CompoundV2Math.Redeem(0, 6, One, 5)).Error);
        // redeemVerify reverts only for zero tokens with a positive amount: redeeming nothing by nothing passes.
        Assert.Equal(new RedeemOutcome(0, 0), CompoundV2Math.Redeem(0, 0, One, 5));

        // Borrowing exactly the market's cash is allowed; one more is BORROW_CASH_NOT_AVAILABLE.
        Assert.Equal(new BigInteger(5), CompoundV2Math.Borrow(5, 5, new BorrowSnapshot(0, One), One, 0).TotalBorrows);
        Assert.Equal("BORROW_CASH_NOT_AVAILABLE", Assert.Throws<RevertException>(() => CompoundV2Math.Borrow(6, 5, new BorrowSnapshot(0, One), One, 0)).Error);

        // Each of the first row's bounds refuses the parameters on its own (not only together).
        Assert.False((LendingParams.Default with { CollateralFactor = 90 * Percent + 1 }).IsValid());
        Assert.False((LendingParams.Default with { ReserveFactor = One + 1 }).IsValid());
        Assert.True((LendingParams.Default with { CollateralFactor = 90 * Percent, ReserveFactor = One }).IsValid());

        // A deprecated market may be repaid up to the whole borrow; otherwise up to the close factor's share.
        Assert.Equal(new BigInteger(100), CompoundV2Math.LiquidateBorrowAllowed(100, 50 * Percent, 100, 0, deprecated: true));
        Assert.Equal("CAN_NOT_REPAY_MORE_THAN_TOTAL_BORROW", Assert.Throws<RevertException>(() => CompoundV2Math.LiquidateBorrowAllowed(100, 50 * Percent, 101, 0, deprecated: true)).Error);
        Assert.Equal(new BigInteger(50), CompoundV2Math.LiquidateBorrowAllowed(100, 50 * Percent, 50, 1, deprecated: false));
        Assert.Equal("TOO_MUCH_REPAY", Assert.Throws<RevertException>(() => CompoundV2Math.LiquidateBorrowAllowed(100, 50 * Percent, 51, 1, deprecated: false)).Error);
    }

    [Fact]
    public void AMarketsSummary_GivesItsRates_AndAYearIsTheModelsBlocksPerYear()
    {
        Assert.Equal(new BigInteger(2_102_400), MarketSummary.Yearly(1));
        var l = Create();
        var market = l.Market(AssetId.Usdf);
        var summary = MarketSummary.Of(l.Chain.State, market, l.NextSeconds);
        Assert.Equal(LendingMarkets.ExchangeRate(l.Chain.State, market), summary.ExchangeRate);
        Assert.Equal(market.Risk.RateModel.BaseRatePerBlock, summary.BorrowRatePerBlock); // nothing borrowed: the base rate
        Assert.True(summary.ExchangeRate > 0);
    }

    private static IEnumerable<ResultCode> Codes(Core.Ledger.Blocks.ProducedBlock produced, params SignedTransaction[] txs) =>
        txs.Select(tx => produced.Receipts.FirstOrDefault(r => r.TxId == tx.Id)?.Code ?? produced.Rejected.Single(r => r.Transaction.Id == tx.Id).Code);

    private static void AssertStored<T>(byte[] bytes, Func<byte[], T> decode, T expected)
    {
        Assert.Equal(expected, decode(bytes));
        Assert.Throws<InvalidOperationException>(() => decode(bytes[..^1]));
        Assert.Throws<InvalidOperationException>(() => decode([.. bytes, 0]));
    }

    private static AssetId Register(LedgerState state, string symbol)
    {
        var id = state.NextAssetId();
        state.RegisterAsset(new AssetInfo(id, symbol, 18, Amount.Zero, null));
        return id;
    }

    private static Amount AmountOf(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new ArgumentOutOfRangeException(nameof(value));
}
