using System.Numerics;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Math;

namespace Fairshare.Core.Tests.Modules;

/// <summary>Compound v2 math (defi-math.md §2–§3) against upstream numbers (§9) and the spec's reverts.</summary>
public sealed class CompoundMathTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    private static string RevertOf(Action action) => Assert.Throws<RevertException>(action).Error;

    [Fact]
    public void AccrueInterest_ReproducesTheUpstreamSuccessCase()
    {
        // accrueInterestTest.js: rate 1e-6 per block for one block, reserve factor 10%.
        var market = new MarketInterest(BigInteger.Pow(10, 22), BigInteger.Pow(10, 20), E18);
        var accrual = CompoundV2Math.AccrueInterest(market, E18 / 10, BigInteger.Pow(10, 12), 1);

        Assert.Equal(BigInteger.Pow(10, 16), accrual.InterestAccumulated);
        Assert.Equal(BigInteger.Pow(10, 22) + BigInteger.Pow(10, 16), accrual.Market.TotalBorrows);
        Assert.Equal(BigInteger.Pow(10, 20) + BigInteger.Pow(10, 15), accrual.Market.TotalReserves);
        Assert.Equal(E18 + BigInteger.Pow(10, 12), accrual.Market.BorrowIndex);
    }

    [Fact]
    public void AccrueInterest_ChecksTheRateCapOnlyWhenBlocksPassed()
    {
        var market = new MarketInterest(1000 * E18, 0, E18);
        var tooHigh = CompoundV2Math.BorrowRateMaxMantissa + 1;

        Assert.Equal("BORROW_RATE_ABSURDLY_HIGH", RevertOf(() => CompoundV2Math.AccrueInterest(market, 0, tooHigh, 1)));
        var unchanged = CompoundV2Math.AccrueInterest(market, 0, tooHigh, 0);
        Assert.Equal(BigInteger.Zero, unchanged.InterestAccumulated);
        Assert.Equal(market, unchanged.Market);
    }

    [Fact]
    public void ExchangeRate_BorrowBalance_AndMint_MatchUpstream()
    {
        // cTokenTest.js: 500 cash + 500 borrows - 5 reserves over 500 cTokens = 1.99.
        Assert.Equal(199 * E18 / 100, CompoundV2Math.ExchangeRateStored(500 * E18, 500 * E18, 5 * E18, 500 * E18, 2 * E18));
        Assert.Equal(2 * E18, CompoundV2Math.ExchangeRateStored(0, 0, 0, 0, 2 * E18));
        // borrowBalanceStored: 5e18 principal, index tripled since the snapshot.
        Assert.Equal(15 * E18, CompoundV2Math.BorrowBalanceStored(new BorrowSnapshot(5 * E18, E18), 3 * E18));
        Assert.Equal("MATH_OVERFLOW", RevertOf(() => CompoundV2Math.BorrowBalanceStored(new BorrowSnapshot(Checked.MaxUint256, E18), 3 * E18)));
        // mintAndRedeemTest.js: 1e5 underlying at rate 5e22 gives 2 cTokens.
        Assert.Equal(new BigInteger(2), CompoundV2Math.MintTokens(100_000, 5 * BigInteger.Pow(10, 22)));
    }

    [Fact]
    public void Redeem_ByAmountRoundsTokensDown_AndRejectsTheDegenerateCase()
    {
        var rate = 2 * E18;
        Assert.Equal(new RedeemOutcome(2, 5), CompoundV2Math.Redeem(0, 5, rate, 100));
        Assert.Equal("REDEEM_TOKENS_ZERO", RevertOf(() => CompoundV2Math.Redeem(0, 1, rate, 100)));
        Assert.Equal("ONE_OF_REDEEM_INPUTS_MUST_BE_ZERO", RevertOf(() => CompoundV2Math.Redeem(1, 1, rate, 100)));
    }

    [Fact]
    public void SeizeSplit_MatchesTheUpstreamLiquidation()
    {
        // liquidateTest.js: 40 cTokens seized at rate 0.2 with the 2.8% protocol share.
        var split = CompoundV2Math.SplitSeize(40 * E18, E18 / 5, CompoundV2Math.ProtocolSeizeShareMantissa);
        Assert.Equal(new SeizeSplit(112 * E18 / 100, 3888 * E18 / 100, 224 * E18 / 1000), split);
    }

    [Fact]
    public void AccountLiquidity_ReproducesTheThreeMarketCase()
    {
        // accountLiquidityTest.js: collateral 1e6 at factor 0.5 and price 3, 1000 at factor 0.666 and price 2.718.
        MarketPosition[] markets =
        [
            new(1_000_000, 0, E18, E18 / 2, 3 * E18),
            new(1000, 0, E18, 666 * E18 / 1000, 2718 * E18 / 1000),
            new(0, 0, E18, 0, E18),
        ];

        Assert.Equal(new AccountLiquidity(1_501_810, 0), CompoundV2Math.HypotheticalAccountLiquidity(markets, null, 0, 0));
        Assert.Equal(new AccountLiquidity(1_500_000, 0), CompoundV2Math.HypotheticalAccountLiquidity(markets, 2, 0, 1810));
        Assert.Equal(new AccountLiquidity(0, 1), CompoundV2Math.HypotheticalAccountLiquidity(markets, 2, 0, 1_501_811));
        markets[1] = markets[1] with { Price = 0 };
        Assert.Equal("PRICE_ERROR", RevertOf(() => CompoundV2Math.HypotheticalAccountLiquidity(markets, null, 0, 0)));
    }

    [Fact]
    public void RateModel_KeepsTheSpecsRevertOrder()
    {
        Assert.Equal("DIVISION_BY_ZERO", RevertOf(() => JumpRateModel.FromYearlyV2(0, E18 / 10, E18, 0)));
        Assert.Equal("MATH_UNDERFLOW", RevertOf(() => JumpRateModel.UtilizationRate(5, 10, 20)));
        Assert.Equal("DIVISION_BY_ZERO", RevertOf(() => JumpRateModel.UtilizationRate(5, 10, 15)));
        // The reserve factor is checked before the borrow rate, whose utilisation would divide by zero here.
        var model = new JumpRateModel(0, 1, 1, E18);
        Assert.Equal("MATH_UNDERFLOW", RevertOf(() => model.SupplyRate(5, 10, 15, E18 + 1)));
    }

    [Fact]
    public void LiquidateBorrowAllowed_CapsAtTheCloseFactor()
    {
        Assert.Equal(50 * E18, CompoundV2Math.LiquidateBorrowAllowed(100 * E18, E18 / 2, 50 * E18, 1, deprecated: false));
        Assert.Equal("TOO_MUCH_REPAY", RevertOf(() => CompoundV2Math.LiquidateBorrowAllowed(100 * E18, E18 / 2, 50 * E18 + 1, 1, deprecated: false)));
        Assert.Equal("INSUFFICIENT_SHORTFALL", RevertOf(() => CompoundV2Math.LiquidateBorrowAllowed(100 * E18, E18 / 2, 1, 0, deprecated: false)));
        Assert.Equal("LIQUIDATE_CLOSE_AMOUNT_IS_ZERO", RevertOf(() => CompoundV2Math.LiquidateBorrowAllowed(100 * E18, E18 / 2, 0, 0, deprecated: true)));
    }
}
