using System.Numerics;
using Fairshare.Core.Modules.Math;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// Uniswap V2 pair and router math exactly as <c>defi-math.md</c> §1 (v2-core UniswapV2Pair, v2-periphery
/// UniswapV2Library and Router02): checked uint256 arithmetic, the same evaluation order and the same reverts.
/// </summary>
public static class UniswapV2Math
{
    /// <summary>Liquidity locked forever on the first mint.</summary>
    public static readonly BigInteger MinimumLiquidity = 1000;

    /// <summary>2^112 − 1: the reserve bound.</summary>
    public static readonly BigInteger U112 = (BigInteger.One << 112) - 1;

    /// <summary>2^112: the UQ112x112 scale of price accumulators.</summary>
    public static readonly BigInteger Q112 = BigInteger.One << 112;

    /// <summary>§1.2 quote: amount_a × reserve_b / reserve_a.</summary>
    public static BigInteger Quote(BigInteger amountA, BigInteger reserveA, BigInteger reserveB)
    {
        Require(amountA > 0, "INSUFFICIENT_AMOUNT");
        Require(reserveA > 0 && reserveB > 0, "INSUFFICIENT_LIQUIDITY");
        return Div(Mul(amountA, reserveB), reserveA);
    }

    /// <summary>§1.3 getAmountOut with the 0.3% fee on the input.</summary>
    public static BigInteger GetAmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut)
    {
        Require(amountIn > 0, "INSUFFICIENT_INPUT_AMOUNT");
        Require(reserveIn > 0 && reserveOut > 0, "INSUFFICIENT_LIQUIDITY");
        var inFee = Mul(amountIn, 997);
        var numerator = Mul(inFee, reserveOut);
        var denominator = Add(Mul(reserveIn, 1000), inFee);
        return Div(numerator, denominator);
    }

    /// <summary>§1.4 getAmountIn; always adds 1.</summary>
    public static BigInteger GetAmountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut)
    {
        Require(amountOut > 0, "INSUFFICIENT_OUTPUT_AMOUNT");
        Require(reserveIn > 0 && reserveOut > 0, "INSUFFICIENT_LIQUIDITY");
        var numerator = Mul(Mul(reserveIn, amountOut), 1000);
        var denominator = Mul(Sub(reserveOut, amountOut), 997);
        return Add(Div(numerator, denominator), 1);
    }

    /// <summary>§1.5 getAmountsOut along hops (reserve pairs).</summary>
    public static BigInteger[] GetAmountsOut(BigInteger amountIn, IReadOnlyList<BigInteger> reservesIn, IReadOnlyList<BigInteger> reservesOut)
    {
        Require(reservesIn.Count >= 1 && reservesIn.Count == reservesOut.Count, "INVALID_PATH");
        var amounts = new BigInteger[reservesIn.Count + 1];
        amounts[0] = amountIn;
        for (int k = 0; k < reservesIn.Count; k++) amounts[k + 1] = GetAmountOut(amounts[k], reservesIn[k], reservesOut[k]);
        return amounts;
    }

    /// <summary>§1.5 getAmountsIn along hops, from the last backwards.</summary>
    public static BigInteger[] GetAmountsIn(BigInteger amountOut, IReadOnlyList<BigInteger> reservesIn, IReadOnlyList<BigInteger> reservesOut)
    {
        Require(reservesIn.Count >= 1 && reservesIn.Count == reservesOut.Count, "INVALID_PATH");
        int n = reservesIn.Count;
        var amounts = new BigInteger[n + 1];
        amounts[n] = amountOut;
        for (int k = n; k >= 1; k--) amounts[k - 1] = GetAmountIn(amounts[k], reservesIn[k - 1], reservesOut[k - 1]);
        return amounts;
    }

    /// <summary>§1.6 Router02 _addLiquidity: the amounts actually deposited.</summary>
    public static (BigInteger AmountA, BigInteger AmountB) AddLiquidityAmounts(
        BigInteger amountADesired, BigInteger amountBDesired, BigInteger amountAMin, BigInteger amountBMin, BigInteger reserveA, BigInteger reserveB)
    {
        if (reserveA.IsZero && reserveB.IsZero) return (amountADesired, amountBDesired);
        var bOptimal = Quote(amountADesired, reserveA, reserveB);
        if (bOptimal <= amountBDesired)
        {
            Require(bOptimal >= amountBMin, "INSUFFICIENT_B_AMOUNT");
            return (amountADesired, bOptimal);
        }

        var aOptimal = Quote(amountBDesired, reserveB, reserveA);
        Require(aOptimal >= amountAMin, "INSUFFICIENT_A_AMOUNT");
        return (aOptimal, amountBDesired);
    }

    /// <summary>§1.7 the mint-fee step: 1/6 of the growth of √k since the last liquidity event, when the fee is on.</summary>
    public static (BigInteger FeeLiquidity, BigInteger TotalSupply, BigInteger KLast) MintFee(
        BigInteger reserve0, BigInteger reserve1, BigInteger totalSupply, BigInteger kLast, bool feeOn)
    {
        if (!feeOn) return (0, totalSupply, 0);
        BigInteger liquidity = 0;
        if (!kLast.IsZero)
        {
            var rootK = Sqrt(Mul(reserve0, reserve1));
            var rootKLast = Sqrt(kLast);
            if (rootK > rootKLast)
            {
                var numerator = Mul(totalSupply, Sub(rootK, rootKLast));
                var denominator = Add(Mul(rootK, 5), rootKLast);
                liquidity = Div(numerator, denominator);
                if (liquidity > 0) totalSupply = Add(totalSupply, liquidity);
            }
        }

        return (liquidity, totalSupply, kLast);
    }

    /// <summary>§1.8 mint: LP shares for what was sent in beyond the reserves.</summary>
    public static PairMint Mint(PairState pair, BigInteger balance0, BigInteger balance1, bool feeOn)
    {
        var amount0 = Sub(balance0, pair.Reserve0);
        var amount1 = Sub(balance1, pair.Reserve1);
        var (fee, totalSupply, kLast) = MintFee(pair.Reserve0, pair.Reserve1, pair.TotalSupply, pair.KLast, feeOn);
        BigInteger liquidity;
        if (totalSupply.IsZero)
        {
            liquidity = Sub(Sqrt(Mul(amount0, amount1)), MinimumLiquidity);
            totalSupply = Add(totalSupply, MinimumLiquidity);
        }
        else
        {
            liquidity = BigInteger.Min(Div(Mul(amount0, totalSupply), pair.Reserve0), Div(Mul(amount1, totalSupply), pair.Reserve1));
        }

        Require(liquidity > 0, "INSUFFICIENT_LIQUIDITY_MINTED");
        totalSupply = Add(totalSupply, liquidity);
        Require(balance0 <= U112 && balance1 <= U112, "OVERFLOW");
        if (feeOn) kLast = Mul(balance0, balance1);
        return new PairMint(liquidity, fee, new PairState(balance0, balance1, totalSupply, kLast));
    }

    /// <summary>§1.9 burn: pays out pro rata to the balances.</summary>
    public static PairBurn Burn(PairState pair, BigInteger balance0, BigInteger balance1, BigInteger liquidity, bool feeOn)
    {
        var (fee, totalSupply, kLast) = MintFee(pair.Reserve0, pair.Reserve1, pair.TotalSupply, pair.KLast, feeOn);
        var amount0 = Div(Mul(liquidity, balance0), totalSupply);
        var amount1 = Div(Mul(liquidity, balance1), totalSupply);
        Require(amount0 > 0 && amount1 > 0, "INSUFFICIENT_LIQUIDITY_BURNED");
        totalSupply = Sub(totalSupply, liquidity);
        var new0 = Sub(balance0, amount0);
        var new1 = Sub(balance1, amount1);
        Require(new0 <= U112 && new1 <= U112, "OVERFLOW");
        if (feeOn) kLast = Mul(new0, new1);
        return new PairBurn(amount0, amount1, fee, new PairState(new0, new1, totalSupply, kLast));
    }

    /// <summary>§1.10 swap: the K check with the fee charged on each input side.</summary>
    public static PairSwap Swap(BigInteger reserve0, BigInteger reserve1, BigInteger amount0Out, BigInteger amount1Out, BigInteger amount0Sent, BigInteger amount1Sent)
    {
        Require(amount0Out > 0 || amount1Out > 0, "INSUFFICIENT_OUTPUT_AMOUNT");
        Require(amount0Out < reserve0 && amount1Out < reserve1, "INSUFFICIENT_LIQUIDITY");
        var balance0 = Sub(Add(reserve0, amount0Sent), amount0Out);
        var balance1 = Sub(Add(reserve1, amount1Sent), amount1Out);
        var floor0 = reserve0 - amount0Out;
        var floor1 = reserve1 - amount1Out;
        var amount0In = balance0 > floor0 ? balance0 - floor0 : 0;
        var amount1In = balance1 > floor1 ? balance1 - floor1 : 0;
        Require(amount0In > 0 || amount1In > 0, "INSUFFICIENT_INPUT_AMOUNT");
        var adjusted0 = Sub(Mul(balance0, 1000), Mul(amount0In, 3));
        var adjusted1 = Sub(Mul(balance1, 1000), Mul(amount1In, 3));
        Require(Mul(adjusted0, adjusted1) >= Mul(Mul(reserve0, reserve1), 1_000_000), "K");
        Require(balance0 <= U112 && balance1 <= U112, "OVERFLOW");
        return new PairSwap(amount0In, amount1In, balance0, balance1);
    }

    /// <summary>§1.11 the price accumulators, updated with the old reserves before they change.</summary>
    public static OracleState OracleUpdate(BigInteger reserve0, BigInteger reserve1, OracleState oracle, BigInteger blockTimestamp)
    {
        var timestamp32 = blockTimestamp % (BigInteger.One << 32);
        var elapsed = (timestamp32 - oracle.BlockTimestampLast) % (BigInteger.One << 32);
        if (elapsed.Sign < 0) elapsed += BigInteger.One << 32;
        var price0 = oracle.Price0CumulativeLast;
        var price1 = oracle.Price1CumulativeLast;
        if (elapsed > 0 && !reserve0.IsZero && !reserve1.IsZero)
        {
            price0 = Wrap256(price0 + reserve1 * Q112 / reserve0 * elapsed);
            price1 = Wrap256(price1 + reserve0 * Q112 / reserve1 * elapsed);
        }

        return new OracleState(price0, price1, timestamp32, elapsed);
    }
}
