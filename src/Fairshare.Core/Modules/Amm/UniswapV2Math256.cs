using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// The swap hot path of <see cref="UniswapV2Math"/> on fixed-width uint256 (<see cref="Amount"/>) instead of
/// <see cref="System.Numerics.BigInteger"/>: no allocation per operation. Same evaluation order, same results, same
/// reverts; a property test holds it equal to the reference on random and edge inputs.
/// </summary>
public static class UniswapV2Math256
{
    private static readonly Amount Fee997 = new(997);
    private static readonly Amount Thousand = new(1000);
    private static readonly Amount Three = new(3);
    private static readonly Amount Million = new(1_000_000);
    private static readonly Amount U112 = new(ulong.MaxValue, (1UL << 48) - 1, 0, 0);

    /// <summary>§1.3 getAmountOut.</summary>
    public static Amount GetAmountOut(in Amount amountIn, in Amount reserveIn, in Amount reserveOut)
    {
        Checked.Require(!amountIn.IsZero, "INSUFFICIENT_INPUT_AMOUNT");
        Checked.Require(!reserveIn.IsZero && !reserveOut.IsZero, "INSUFFICIENT_LIQUIDITY");
        var inFee = Mul(amountIn, Fee997);
        var numerator = Mul(inFee, reserveOut);
        var denominator = Add(Mul(reserveIn, Thousand), inFee);
        return numerator / denominator;
    }

    /// <summary>§1.10 swap: the K check with the fee charged on each input side.</summary>
    public static PairSwap256 Swap(in Amount reserve0, in Amount reserve1, in Amount amount0Out, in Amount amount1Out, in Amount amount0Sent, in Amount amount1Sent)
    {
        Checked.Require(!amount0Out.IsZero || !amount1Out.IsZero, "INSUFFICIENT_OUTPUT_AMOUNT");
        Checked.Require(amount0Out < reserve0 && amount1Out < reserve1, "INSUFFICIENT_LIQUIDITY");
        var balance0 = Sub(Add(reserve0, amount0Sent), amount0Out);
        var balance1 = Sub(Add(reserve1, amount1Sent), amount1Out);
        var floor0 = reserve0 - amount0Out;
        var floor1 = reserve1 - amount1Out;
        var amount0In = balance0 > floor0 ? balance0 - floor0 : Amount.Zero;
        var amount1In = balance1 > floor1 ? balance1 - floor1 : Amount.Zero;
        Checked.Require(!amount0In.IsZero || !amount1In.IsZero, "INSUFFICIENT_INPUT_AMOUNT");
        var adjusted0 = Sub(Mul(balance0, Thousand), Mul(amount0In, Three));
        var adjusted1 = Sub(Mul(balance1, Thousand), Mul(amount1In, Three));
        Checked.Require(Mul(adjusted0, adjusted1) >= Mul(Mul(reserve0, reserve1), Million), "K");
        Checked.Require(balance0 <= U112 && balance1 <= U112, "OVERFLOW");
        return new PairSwap256(amount0In, amount1In, balance0, balance1);
    }

    private static Amount Add(in Amount a, in Amount b) => Amount.TryAdd(a, b, out var r) ? r : throw new RevertException(Checked.Overflow);

    private static Amount Sub(in Amount a, in Amount b) => Amount.TrySub(a, b, out var r) ? r : throw new RevertException(Checked.Underflow);

    private static Amount Mul(in Amount a, in Amount b) => Amount.TryMul(a, b, out var r) ? r : throw new RevertException(Checked.Overflow);
}
