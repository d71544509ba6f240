using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Tests.Modules.Lending.LendingChain;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>Supply, borrow, repay, redeem and liquidation on a real chain, with TWAP prices from the AMM.</summary>
public sealed class LendingModuleTests
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly Amount TestChainFee = Fairshare.Testing.TestChain.MinFee;

    [Fact]
    public void Markets_AreCreatedWithACTokenAsset_AndCompoundsInitialExchangeRate()
    {
        var l = Create();
        var market = l.Market(AssetId.Fsh);
        var cToken = l.Chain.State.FindAsset(market.CToken)!;
        Assert.Equal("cFSH", cToken.Symbol);
        Assert.Equal(LendingModule.CTokenDecimals, cToken.Decimals);
        Assert.Equal(2 * BigInteger.Pow(10, 26), market.InitialExchangeRate);
        // 100 FSH at 0.02 FSH per cFSH is 5000 cFSH (8 decimals); the first supply locks MinimumShares with nobody.
        Assert.Equal(new Amount(500_000_000_000 - 1000), l.Balance("alice", market.CToken));
        Assert.Equal(new Amount(500_000_000_000), cToken.Supply);
        l.Refused("bob", new LendCreateMarketPayload(AssetId.Fsh), ResultCode.LendMarketExists);
        l.Refused("bob", new LendCreateMarketPayload(market.CToken), ResultCode.LendBadUnderlying);
        l.Refused("bob", new LendCreateMarketPayload(new AssetId(999)), ResultCode.UnknownAsset);
        l.AssertSupplyConserved();
    }

    [Fact]
    public void SupplyBorrowRepayRedeem_RoundTrip_PaysInterestToSuppliersAndReserves()
    {
        var l = Create();
        var cFsh = l.Market(AssetId.Fsh).CToken;
        var cUsdf = l.Market(AssetId.Usdf).CToken;
        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        Assert.Equal(new Amount(500_000_000_000), l.Balance("bob", cFsh));
        var usdfBefore = l.Balance("bob", AssetId.Usdf);
        l.Ok("bob", new LendBorrowPayload(AssetId.Usdf, Units("50")));
        Assert.Equal(usdfBefore + Units("50"), l.Balance("bob", AssetId.Usdf));

        l.Blocks(100);
        var owed = l.OwedNextBlock("bob", AssetId.Usdf);
        Assert.True(owed > Units("50").ToBigInteger());
        var events = l.Ok("bob", new LendRepayPayload(AssetId.Usdf, l.Address("bob"), Amount.MaxValue));
        Assert.Equal(owed - Units("50").ToBigInteger(), Sum(events, FlowTag.Interest));
        Assert.Equal(Units("50").ToBigInteger(), Sum(events, FlowTag.Liquidity));
        Assert.True(LendingMarkets.Borrow(l.Chain.State, AssetId.Usdf, l.Address("bob")).Principal.IsZero);
        var usdf = l.Market(AssetId.Usdf);
        Assert.True(usdf.TotalReserves > 0);
        Assert.Equal(usdfBefore - ToAmount(owed - Units("50").ToBigInteger()), l.Balance("bob", AssetId.Usdf));

        // The supplier earns the interest less the reserve factor's part; the collateral comes back whole.
        var issuerBefore = l.Balance("issuer", AssetId.Usdf);
        l.Ok("issuer", new LendRedeemPayload(AssetId.Usdf, l.Balance("issuer", cUsdf), Amount.Zero));
        var earned = (l.Balance("issuer", AssetId.Usdf) - issuerBefore).ToBigInteger() - IssuerSupply.ToBigInteger();
        Assert.True(earned > 0 && earned < owed - Units("50").ToBigInteger(), $"earned {earned}");
        var fshBefore = l.Balance("bob", AssetId.Fsh);
        l.Ok("bob", new LendRedeemPayload(AssetId.Fsh, Amount.Zero, Units("100")));
        Assert.Equal(fshBefore + Units("100") - TestChainFee, l.Balance("bob", AssetId.Fsh));
        Assert.True(l.Balance("bob", cFsh).IsZero);
        l.AssertSupplyConserved();
    }

    [Fact]
    public void BorrowingBeyondTheCollateralsTwapValue_FailsAndChangesNothing()
    {
        var l = Create();
        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        Assert.Equal(2 * Wad, LendingPrices.Price(l.Chain.State, AssetId.Fsh, l.NextSeconds));
        // 100 FSH × 2 USDF × 50% collateral factor = exactly 100 USDF of borrowing power.
        Assert.Equal(new AccountLiquidity(Units("100").ToBigInteger(), BigInteger.Zero), l.Liquidity("bob"));
        l.Refused("bob", new LendBorrowPayload(AssetId.Usdf, Units("100") + Amount.One), ResultCode.LendInsufficientLiquidity);
        l.Ok("bob", new LendBorrowPayload(AssetId.Usdf, Units("100")));
        Assert.Equal(new AccountLiquidity(BigInteger.Zero, BigInteger.Zero), l.Liquidity("bob"));
        // Redeeming any collateral now would leave a shortfall.
        l.Refused("bob", new LendRedeemPayload(AssetId.Fsh, Amount.Zero, Units("1")), ResultCode.LendInsufficientLiquidity);
        l.Refused("bob", new LendRedeemPayload(AssetId.Fsh, Units("1"), Units("1")), ResultCode.LendBadRedeemInputs);
        l.Refused("carol", new LendBorrowPayload(AssetId.Usdf, Units("1")), ResultCode.LendInsufficientLiquidity);
        l.Refused("bob", new LendBorrowPayload(AssetId.Usdf, Amount.Zero), ResultCode.ZeroAmount);
        l.Refused("bob", new LendBorrowPayload(new AssetId(77), Units("1")), ResultCode.LendMarketNotFound);
        l.Refused("bob", new LendRepayPayload(AssetId.Usdf, l.Address("bob"), Units("1000")), ResultCode.LendRepayExceedsBorrow);
        l.Refused("bob", new LendRepayPayload(AssetId.Usdf, l.Address("carol"), Amount.MaxValue), ResultCode.LendNoBorrow);
        l.Refused("bob", new LendSupplyPayload(AssetId.Fsh, Amount.One), ResultCode.LendMintTooSmall);
    }

    [Fact]
    public void Borrowing_WithoutAMatureTwap_FailsWithPriceUnavailable()
    {
        var l = Create(withPool: false);
        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        l.Refused("bob", new LendBorrowPayload(AssetId.Usdf, Units("1")), ResultCode.LendPriceUnavailable);
        // A pool whose observation is younger than the TWAP period is no better than none.
        l.Ok("carol", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Units("400"), Units("800"), Amount.Zero, Amount.Zero));
        l.Blocks(30);
        l.Refused("bob", new LendBorrowPayload(AssetId.Usdf, Units("1")), ResultCode.LendPriceUnavailable);
        // Suppliers without borrows can always leave, price or not.
        l.Ok("alice", new LendRedeemPayload(AssetId.Fsh, Amount.Zero, Units("50")));
    }

    [Fact]
    public void Liquidation_AfterTheTwapFalls_RepaysAndSeizesWithTheProtocolsShare()
    {
        var l = Create();
        var cFsh = l.Market(AssetId.Fsh).CToken;
        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Usdf, Units("90")));
        l.Refused("carol", new LendLiquidatePayload(l.Address("bob"), AssetId.Usdf, Units("10"), AssetId.Fsh), ResultCode.LendInsufficientShortfall);

        // Dave sells 400 FSH into the pool: the spot halves at once, the TWAP follows once the new price has stood.
        l.Ok("dave", new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], Units("400"), Amount.Zero, false));
        Assert.Equal(BigInteger.Zero, l.Liquidity("bob").Shortfall);
        l.Blocks(61);
        var priceFsh = LendingPrices.Price(l.Chain.State, AssetId.Fsh, l.NextSeconds);
        Assert.True(priceFsh < Wad / 2 + Wad / 100, $"TWAP {priceFsh}");
        Assert.True(l.Liquidity("bob").Shortfall > 0);

        l.Refused("carol", new LendLiquidatePayload(l.Address("bob"), AssetId.Usdf, Units("60"), AssetId.Fsh), ResultCode.LendRepayAboveCloseFactor);
        l.Refused("bob", new LendLiquidatePayload(l.Address("bob"), AssetId.Usdf, Units("10"), AssetId.Fsh), ResultCode.LendLiquidatorIsBorrower);
        l.Refused("carol", new LendLiquidatePayload(l.Address("bob"), AssetId.Usdf, Amount.Zero, AssetId.Fsh), ResultCode.LendBadLiquidationAmount);

        var repay = Units("20").ToBigInteger();
        var owedBefore = l.OwedNextBlock("bob", AssetId.Usdf);
        var fshMarket = l.Market(AssetId.Fsh);
        var rate = LendingMarkets.ExchangeRate(l.Chain.State, fshMarket);
        var parameters = LendingParams.Default;
        // Compound v2's liquidateCalculateSeizeTokens and liquidateSeizeFresh written out (1e18 mantissas, each step
        // truncating; USDF's price is 1e18), so that the expected amounts do not come from the math under test.
        var numerator = parameters.LiquidationIncentive * Wad / Wad;
        var denominator = priceFsh * rate / Wad;
        var seize = numerator * Wad / denominator * repay / Wad;
        var protocolTokens = parameters.ProtocolSeizeShare * seize / Wad;
        var liquidatorTokens = seize - protocolTokens;
        var protocolAmount = rate * protocolTokens / Wad;
        var bobTokens = l.Balance("bob", cFsh).ToBigInteger();
        var supply = l.Chain.State.FindAsset(cFsh)!.Supply.ToBigInteger();

        var events = l.Ok("carol", new LendLiquidatePayload(l.Address("bob"), AssetId.Usdf, ToAmount(repay), AssetId.Fsh));
        Assert.Equal(ToAmount(liquidatorTokens), l.Balance("carol", cFsh));
        Assert.Equal(bobTokens - seize, l.Balance("bob", cFsh).ToBigInteger());
        Assert.Equal(supply - protocolTokens, l.Chain.State.FindAsset(cFsh)!.Supply.ToBigInteger());
        Assert.Equal(fshMarket.TotalReserves + protocolAmount, l.Market(AssetId.Fsh).TotalReserves);
        var snapshot = LendingMarkets.Borrow(l.Chain.State, AssetId.Usdf, l.Address("bob")).Snapshot;
        Assert.Equal(owedBefore - repay, snapshot.Principal * l.Market(AssetId.Usdf).BorrowIndex / snapshot.InterestIndex); // borrowBalanceStored
        Assert.Equal(2, events.Count(e => e.Tag == FlowTag.Liquidation));
        Assert.True(protocolTokens > 0 && liquidatorTokens > protocolTokens);
        l.AssertSupplyConserved();
    }

    [Fact]
    public void Payloads_RoundTripThroughTheTransactionCodec()
    {
        var l = Create(withPool: false, withMarkets: false);
        var bob = l.Address("bob");
        TxPayload[] payloads =
        [
            new LendCreateMarketPayload(AssetId.Fsh),
            new LendSupplyPayload(AssetId.Usdf, Units("1.5")),
            new LendRedeemPayload(AssetId.Fsh, new Amount(7), Amount.Zero),
            new LendBorrowPayload(AssetId.Usdf, Amount.MaxValue),
            new LendRepayPayload(AssetId.Usdf, bob, Amount.MaxValue),
            new LendLiquidatePayload(bob, AssetId.Usdf, Units("3"), AssetId.Fsh),
            new LendFlashLoanPayload(AssetId.Usdf, Units("9")),
            new BatchPayload([new LendFlashLoanPayload(AssetId.Usdf, Units("9")), new LendSupplyPayload(AssetId.Usdf, Units("1"))]),
        ];
        foreach (var payload in payloads)
        {
            var tx = l.Chain.Sign("alice", payload);
            Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(tx.Encoded, out var decoded));
            Assert.Equal(tx.Body, decoded!.Body);
        }
    }

    private static BigInteger Sum(IEnumerable<Core.Ledger.LedgerEvent> events, FlowTag tag) =>
        events.Where(e => e.Tag == tag).Aggregate(BigInteger.Zero, (sum, e) => sum + e.Amount.ToBigInteger());

    private static Amount ToAmount(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount : throw new ArgumentOutOfRangeException(nameof(value));
}
