using System.Numerics;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Math;

namespace Fairshare.Core.Tests.Modules.Amm;

/// <summary>
/// The math's own guards and boundaries, called directly as a library caller would (the module checks some of them
/// first): the reserve and path guards, the router's optimal amounts at and one past their minimums, the uint112
/// reserve bound at 2^112 − 1 and one above, a burn that would pay one side nothing, and the price accumulators'
/// guards and 32-bit wrap. Every expected value is computed by hand from defi-math.md §1 (shown beside it).
/// </summary>
public sealed class UniswapV2MathBoundaryTests
{
    private static readonly BigInteger U112 = (BigInteger.One << 112) - 1;
    private static readonly BigInteger Q112 = BigInteger.One << 112;

    private static string RevertOf(Action action) => Assert.Throws<RevertException>(action).Error;

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    [InlineData(0, 0)]
    public void Quote_GetAmountOut_AndGetAmountIn_OnAnEmptyReserve_RevertInsufficientLiquidity(long reserveA, long reserveB)
    {
        Assert.Equal("INSUFFICIENT_LIQUIDITY", RevertOf(() => UniswapV2Math.Quote(1, reserveA, reserveB)));
        Assert.Equal("INSUFFICIENT_LIQUIDITY", RevertOf(() => UniswapV2Math.GetAmountOut(1, reserveA, reserveB)));
        Assert.Equal("INSUFFICIENT_LIQUIDITY", RevertOf(() => UniswapV2Math.GetAmountIn(1, reserveA, reserveB)));
    }

    [Fact]
    public void GetAmounts_AlongOneHop_AreTheSingleHopAmounts_AndAnEmptyOrUnevenPathReverts()
    {
        // 997·1000·10,000 ÷ (10,000·1000 + 997·1000) = 9,970,000,000 ÷ 10,997,000 = 906 (906.6 rounded down);
        // back: 10,000·906·1000 ÷ ((10,000 − 906)·997) = 9,060,000,000 ÷ 9,066,718 = 999, plus 1.
        Assert.Equal([1000, 906], UniswapV2Math.GetAmountsOut(1000, [10_000], [10_000]));
        Assert.Equal([1000, 906], UniswapV2Math.GetAmountsIn(906, [10_000], [10_000]));
        Assert.Equal("INVALID_PATH", RevertOf(() => UniswapV2Math.GetAmountsOut(1000, [], [])));
        Assert.Equal("INVALID_PATH", RevertOf(() => UniswapV2Math.GetAmountsIn(906, [], [])));
        Assert.Equal("INVALID_PATH", RevertOf(() => UniswapV2Math.GetAmountsOut(1000, [10_000], [10_000, 10_000])));
        Assert.Equal("INVALID_PATH", RevertOf(() => UniswapV2Math.GetAmountsIn(906, [10_000, 10_000], [10_000])));
    }

    [Fact]
    public void AddLiquidityAmounts_IntoAPoolWithOneEmptyReserve_RevertsInsteadOfTakingTheDesiredAmounts()
    {
        // Only a pool with both reserves zero takes the desired amounts as they are; one empty side reaches Quote.
        Assert.Equal((10, 10), UniswapV2Math.AddLiquidityAmounts(10, 10, 0, 0, 0, 0));
        Assert.Equal("INSUFFICIENT_LIQUIDITY", RevertOf(() => UniswapV2Math.AddLiquidityAmounts(10, 10, 0, 0, 0, 5)));
    }

    [Fact]
    public void AddLiquidityAmounts_WhenTheOptimalBEqualsTheDesiredB_DepositsTheDesiredA()
    {
        // Reserves (3, 2), 2 A desired: optimal B = 2·2 ÷ 3 = 1 = the 1 B desired, so (2, 1). Going the other way
        // would quote A = 1·3 ÷ 2 = 1 and deposit (1, 1).
        Assert.Equal((2, 1), UniswapV2Math.AddLiquidityAmounts(2, 1, 0, 0, 3, 2));
    }

    [Fact]
    public void AddLiquidityAmounts_AtTheMinimums_Deposit_AndOneUnitShort_Reverts()
    {
        // Reserves (100, 200). 10 A, up to 30 B: optimal B = 10·200 ÷ 100 = 20 ≤ 30, so (10, 20) when B min is 20.
        Assert.Equal((10, 20), UniswapV2Math.AddLiquidityAmounts(10, 30, 0, 20, 100, 200));
        Assert.Equal("INSUFFICIENT_B_AMOUNT", RevertOf(() => UniswapV2Math.AddLiquidityAmounts(10, 30, 0, 21, 100, 200)));
        // 30 A, 20 B: optimal B = 60 > 20, so optimal A = 20·100 ÷ 200 = 10, deposited when A min is 10.
        Assert.Equal((10, 20), UniswapV2Math.AddLiquidityAmounts(30, 20, 10, 0, 100, 200));
        Assert.Equal("INSUFFICIENT_A_AMOUNT", RevertOf(() => UniswapV2Math.AddLiquidityAmounts(30, 20, 11, 0, 100, 200)));
    }

    [Fact]
    public void Mint_WithBalancesOfExactly2To112MinusOne_Mints_AndOneMoreOnEitherSide_Overflows()
    {
        var empty = new PairState(0, 0, 0, 0);

        // √((2^112 − 1)²) − 1000 shares; the supply is that plus the 1000 locked.
        var atBound = UniswapV2Math.Mint(empty, U112, U112, feeOn: false);

        Assert.Equal(U112 - 1000, atBound.Liquidity);
        Assert.Equal(new PairState(U112, U112, U112, 0), atBound.Pair);
        Assert.Equal("OVERFLOW", RevertOf(() => UniswapV2Math.Mint(empty, U112 + 1, U112, feeOn: false)));
        Assert.Equal("OVERFLOW", RevertOf(() => UniswapV2Math.Mint(empty, U112, U112 + 1, feeOn: false)));
    }

    [Fact]
    public void Burn_LeavingExactly2To112MinusOne_Pays_AndLeavingOneMoreOnEitherSide_Overflows()
    {
        // Half of a supply of 2000: each side pays half its balance.
        var pair = new PairState(0, 0, 2000, 0);

        var atBound = UniswapV2Math.Burn(pair, 2 * U112, 2000, 1000, feeOn: false);
        var otherSide = UniswapV2Math.Burn(pair, 2000, 2 * U112, 1000, feeOn: false);

        Assert.Equal(new PairBurn(U112, 1000, 0, new PairState(U112, 1000, 1000, 0)), atBound);
        Assert.Equal(new PairBurn(1000, U112, 0, new PairState(1000, U112, 1000, 0)), otherSide);
        // 2·(2^112 − 1) + 2 pays 2^112 and leaves 2^112: one over the bound.
        Assert.Equal("OVERFLOW", RevertOf(() => UniswapV2Math.Burn(pair, 2 * U112 + 2, 2000, 1000, feeOn: false)));
        Assert.Equal("OVERFLOW", RevertOf(() => UniswapV2Math.Burn(pair, 2000, 2 * U112 + 2, 1000, feeOn: false)));
    }

    [Fact]
    public void Burn_ThatWouldPayOneSideNothing_Reverts()
    {
        // One share of 1000: 5000 ÷ 1000 = 5 of one side but 999 ÷ 1000 = 0 of the other.
        var pair = new PairState(0, 0, 1000, 0);

        Assert.Equal("INSUFFICIENT_LIQUIDITY_BURNED", RevertOf(() => UniswapV2Math.Burn(pair, 5000, 999, 1, feeOn: false)));
        Assert.Equal("INSUFFICIENT_LIQUIDITY_BURNED", RevertOf(() => UniswapV2Math.Burn(pair, 999, 5000, 1, feeOn: false)));
        Assert.Equal(new PairBurn(1, 5, 0, new PairState(999, 4995, 999, 0)), UniswapV2Math.Burn(pair, 1000, 5000, 1, feeOn: false));
    }

    [Fact]
    public void OracleUpdate_AccumulatesPricesTimesElapsed_SkipsAnEmptyReserve_AndWrapsAt2To32()
    {
        var last = new OracleState(0, 0, 100, 0);

        // Reserves (5, 20) for 10 s: price0 = 20·2^112 ÷ 5 · 10 = 40·2^112, price1 = (5·2^112 ÷ 20) · 10 = 10·2^110.
        Assert.Equal(new OracleState(40 * Q112, 10 * (Q112 >> 2), 110, 10), UniswapV2Math.OracleUpdate(5, 20, last, 110));
        // An empty reserve adds nothing (and divides by nothing), though time passed.
        Assert.Equal(new OracleState(0, 0, 110, 10), UniswapV2Math.OracleUpdate(0, 20, last, 110));
        Assert.Equal(new OracleState(0, 0, 110, 10), UniswapV2Math.OracleUpdate(5, 0, last, 110));
        // The 32-bit timestamp wraps: from 2^32 − 5 to 2^32 + 5 is 10 s, and the stored timestamp is 5.
        var beforeWrap = new OracleState(0, 0, (BigInteger.One << 32) - 5, 0);
        Assert.Equal(new OracleState(20 * Q112, 10 * (Q112 >> 1), 5, 10), UniswapV2Math.OracleUpdate(1, 2, beforeWrap, (BigInteger.One << 32) + 5));
    }
}
