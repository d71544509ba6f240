using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Math;

/// <summary>
/// Checked uint256 / int256 arithmetic on <see cref="BigInteger"/> with the spec's failures (§0.2): a result outside
/// [0, 2^256) reverts with <c>MATH_OVERFLOW</c> or <c>MATH_UNDERFLOW</c>, division by zero with <c>DIVISION_BY_ZERO</c>.
/// Division truncates toward zero.
/// </summary>
public static class Checked
{
    /// <summary>Reverts for results at or above 2^256.</summary>
    public const string Overflow = "MATH_OVERFLOW";

    /// <summary>Reverts for results below zero.</summary>
    public const string Underflow = "MATH_UNDERFLOW";

    /// <summary>Reverts for a zero divisor.</summary>
    public const string DivisionByZero = "DIVISION_BY_ZERO";

    /// <summary>2^256.</summary>
    public static readonly BigInteger Modulus = BigInteger.One << 256;

    /// <summary>2^256 − 1.</summary>
    public static readonly BigInteger MaxUint256 = Modulus - 1;

    /// <summary>2^255 − 1.</summary>
    public static readonly BigInteger MaxInt256 = (BigInteger.One << 255) - 1;

    /// <summary>−2^255.</summary>
    public static readonly BigInteger MinInt256 = -(BigInteger.One << 255);

    /// <summary>10^18.</summary>
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);

    /// <summary>10^27.</summary>
    public static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    /// <summary>10^36 (Compound Double).</summary>
    public static readonly BigInteger DoubleScale = BigInteger.Pow(10, 36);

    /// <summary>10^45.</summary>
    public static readonly BigInteger Rad = BigInteger.Pow(10, 45);

    /// <summary>Reverts with <paramref name="error"/> unless the condition holds.</summary>
    public static void Require(bool condition, string error)
    {
        if (!condition) throw new RevertException(error);
    }

    /// <summary>Range check of a uint256 result.</summary>
    public static BigInteger U256(BigInteger value)
    {
        if (value.Sign < 0) throw new RevertException(Underflow);
        if (value >= Modulus) throw new RevertException(Overflow);
        return value;
    }

    /// <summary>Range check of an int256 result.</summary>
    public static BigInteger I256(BigInteger value) =>
        value < MinInt256 || value > MaxInt256 ? throw new RevertException(Overflow) : value;

    /// <summary>Checked a + b.</summary>
    public static BigInteger Add(BigInteger a, BigInteger b) => U256(a + b);

    /// <summary>Checked a − b.</summary>
    public static BigInteger Sub(BigInteger a, BigInteger b) => U256(a - b);

    /// <summary>Checked a × b.</summary>
    public static BigInteger Mul(BigInteger a, BigInteger b) => U256(a * b);

    /// <summary>Checked ⌊a / b⌋.</summary>
    public static BigInteger Div(BigInteger a, BigInteger b) =>
        b.IsZero ? throw new RevertException(DivisionByZero) : BigInteger.Divide(a, b);

    /// <summary>Checked a mod b.</summary>
    public static BigInteger Mod(BigInteger a, BigInteger b) =>
        b.IsZero ? throw new RevertException(DivisionByZero) : BigInteger.Remainder(a, b);

    /// <summary>x mod 2^256 (only where the contracts wrap on purpose).</summary>
    public static BigInteger Wrap256(BigInteger x)
    {
        var r = BigInteger.Remainder(x, Modulus);
        return r.Sign < 0 ? r + Modulus : r;
    }

    /// <summary>⌊√y⌋ for y ≥ 0.</summary>
    public static BigInteger Sqrt(BigInteger y)
    {
        if (y.Sign < 0) throw new ArgumentOutOfRangeException(nameof(y));
        if (y < 4) return y.IsZero ? BigInteger.Zero : BigInteger.One;
        var z = y;
        var x = y / 2 + 1;
        while (x < z)
        {
            z = x;
            x = (y / x + x) / 2;
        }

        return z;
    }

    /// <summary>⌊a × b / c⌋ on amounts, exact through a 512-bit product; reverts with <c>MATH_OVERFLOW</c> if the result exceeds u256.</summary>
    public static Amount MulDiv(in Amount a, in Amount b, in Amount c) =>
        ToAmount(a.ToBigInteger() * b.ToBigInteger() / c.ToBigInteger());

    /// <summary>⌈a × b / c⌉ on amounts; reverts with <c>MATH_OVERFLOW</c> if the result exceeds u256.</summary>
    public static Amount MulDivUp(in Amount a, in Amount b, in Amount c)
    {
        var quotient = BigInteger.DivRem(a.ToBigInteger() * b.ToBigInteger(), c.ToBigInteger(), out var remainder);
        return ToAmount(remainder.IsZero ? quotient : quotient + 1);
    }

    /// <summary>⌊amount × bps / 10⁴⌋ (<see cref="Units.BpsDenominator"/>).</summary>
    public static Amount Bps(in Amount amount, uint bps) => MulDiv(amount, new Amount(bps), new Amount(Units.BpsDenominator));

    /// <summary>⌊amount × ppm / 10⁶⌋ (<see cref="Units.PpmDenominator"/>).</summary>
    public static Amount Ppm(in Amount amount, uint ppm) => MulDiv(amount, new Amount(ppm), new Amount(Units.PpmDenominator));

    private static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new RevertException(Overflow);
}
