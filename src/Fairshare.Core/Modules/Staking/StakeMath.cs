using System.Numerics;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>Exact u256 products and quotients for share and reward math, with the rounding direction in the name.</summary>
internal static class StakeMath
{
    /// <summary>The scale of the reward-per-share accumulator (1e18).</summary>
    public static readonly Amount RewardScale = Amount.Parse("1000000000000000000");

    /// <summary>⌊a × b / c⌋; reverts with <c>MATH_OVERFLOW</c> if the result exceeds u256.</summary>
    public static Amount MulDiv(in Amount a, in Amount b, in Amount c) =>
        ToAmount(a.ToBigInteger() * b.ToBigInteger() / c.ToBigInteger());

    /// <summary>⌈a × b / c⌉; reverts with <c>MATH_OVERFLOW</c> if the result exceeds u256.</summary>
    public static Amount MulDivUp(in Amount a, in Amount b, in Amount c)
    {
        var quotient = BigInteger.DivRem(a.ToBigInteger() * b.ToBigInteger(), c.ToBigInteger(), out var remainder);
        return ToAmount(remainder.IsZero ? quotient : quotient + 1);
    }

    /// <summary>⌊amount × ppm / 1e6⌋.</summary>
    public static Amount Ppm(in Amount amount, uint ppm) => MulDiv(amount, new Amount(ppm), new Amount(StakingParams.PpmDenominator));

    /// <summary>⌊amount × bps / 1e4⌋.</summary>
    public static Amount Bps(in Amount amount, ushort bps) => MulDiv(amount, new Amount(bps), new Amount(StakingParams.BpsDenominator));

    private static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new RevertException(Checked.Overflow);
}
