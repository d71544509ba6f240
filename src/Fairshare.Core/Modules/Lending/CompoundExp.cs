using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Compound's <c>ExponentialNoError</c> helpers on raw mantissas (<c>defi-math.md</c> §2): an <c>Exp</c> is scaled by
/// 10^18, a <c>Double</c> by 10^36. Every helper is checked (§0.2), evaluates left to right and truncates.
/// </summary>
public static class CompoundExp
{
    /// <summary>The <c>Exp</c> scale, 10^18 (<c>expScale</c>, also the rate models' <c>BASE</c>).</summary>
    public static BigInteger ExpScale => Wad;

    /// <summary>§2 <c>mul_exp</c>: Exp·Exp→Exp, <c>a * b / 1e18</c>.</summary>
    public static BigInteger MulExp(BigInteger a, BigInteger b) => Div(Mul(a, b), Wad);

    /// <summary>§2 <c>div_exp</c>: Exp÷Exp→Exp, <c>a * 1e18 / b</c>.</summary>
    public static BigInteger DivExp(BigInteger a, BigInteger b) => Div(Mul(a, Wad), b);

    /// <summary>§2 <c>mul_scalar_truncate</c>: Exp·uint→uint (also <c>mul_(uint, Exp)</c>), <c>a * scalar / 1e18</c>.</summary>
    public static BigInteger MulScalarTruncate(BigInteger a, BigInteger scalar) => Div(Mul(a, scalar), Wad);

    /// <summary>§2 <c>mul_scalar_truncate_add_uint</c>: <c>a * scalar / 1e18 + addend</c>.</summary>
    public static BigInteger MulScalarTruncateAddUInt(BigInteger a, BigInteger scalar, BigInteger addend) =>
        Add(MulScalarTruncate(a, scalar), addend);

    /// <summary>§2 <c>div_scalar_by_exp</c>: uint÷Exp→uint, <c>scalar * 1e18 / a</c>.</summary>
    public static BigInteger DivScalarByExp(BigInteger scalar, BigInteger a) => Div(Mul(scalar, Wad), a);

    /// <summary>§2 <c>fraction</c>: uint÷uint→Double, <c>a * 1e36 / b</c>.</summary>
    public static BigInteger Fraction(BigInteger a, BigInteger b) => Div(Mul(a, DoubleScale), b);

    /// <summary>§2 <c>mul_double</c>: Double·Double→Double, <c>a * b / 1e36</c>.</summary>
    public static BigInteger MulDouble(BigInteger a, BigInteger b) => Div(Mul(a, b), DoubleScale);
}
