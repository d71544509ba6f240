using System.Numerics;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Modules.Amm;

/// <summary>The uint256 swap path gives exactly the reference's results and reverts.</summary>
public sealed class UniswapV2Math256Tests
{
    /// <summary>Values from tiny to past the uint112 bound and near 2^256, so overflow and OVERFLOW paths are hit.</summary>
    private static BigInteger Value(ulong raw, byte scale) => (scale % 6) switch
    {
        0 => raw % 1000,
        1 => raw,
        2 => (BigInteger)raw << 40,
        3 => ((BigInteger)raw << 48) | raw,
        4 => (BigInteger.One << 112) - 1 - (raw % 3),
        _ => (BigInteger.One << 255) + raw,
    };

    private static Amount A(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount : throw new OverflowException();

    private static string Outcome(Func<string> run)
    {
        try
        {
            return run();
        }
        catch (RevertException revert)
        {
            return "revert " + revert.Error;
        }
    }

    [Property(MaxTest = 2000)]
    public bool GetAmountOut_MatchesTheReference(ulong amountIn, ulong reserveIn, ulong reserveOut, byte s1, byte s2, byte s3)
    {
        var (a, r, o) = (Value(amountIn, s1), Value(reserveIn, s2), Value(reserveOut, s3));
        return Outcome(() => UniswapV2Math.GetAmountOut(a, r, o).ToString())
            == Outcome(() => UniswapV2Math256.GetAmountOut(A(a), A(r), A(o)).ToBigInteger().ToString());
    }

    [Property(MaxTest = 2000)]
    public bool Swap_MatchesTheReference(ulong r0, ulong r1, ulong out0, ulong sent0, ulong sent1, byte s1, byte s2, byte s3, byte s4)
    {
        var (reserve0, reserve1) = (Value(r0, s1), Value(r1, s2));
        // Usually a real trade (out of one side, in on the other), sometimes degenerate.
        var amount0Out = s3 % 4 == 0 ? BigInteger.Zero : Value(out0, s3) % (reserve0 + 1);
        var amount1Out = s3 % 4 == 0 ? Value(out0, s4) % (reserve1 + 1) : BigInteger.Zero;
        var (in0, in1) = (Value(sent0, s4), Value(sent1, (byte)(s4 + s3)));
        string Reference() { var s = UniswapV2Math.Swap(reserve0, reserve1, amount0Out, amount1Out, in0, in1); return $"{s.Amount0In},{s.Amount1In},{s.Reserve0},{s.Reserve1}"; }
        string Fast() { var s = UniswapV2Math256.Swap(A(reserve0), A(reserve1), A(amount0Out), A(amount1Out), A(in0), A(in1)); return $"{s.Amount0In},{s.Amount1In},{s.Reserve0},{s.Reserve1}"; }
        return Outcome(Reference) == Outcome(Fast);
    }
}
