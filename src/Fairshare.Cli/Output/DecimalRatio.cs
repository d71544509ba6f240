using System.Globalization;
using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Output;

/// <summary>
/// The ratio of two token amounts as a plain decimal (an effective price: "1.52161", "0.000012345", "2500"), in
/// integer arithmetic: no floating point and never E notation.
/// </summary>
public static class DecimalRatio
{
    /// <summary>
    /// (<paramref name="numerator"/> / 10^<paramref name="numeratorDecimals"/>) ÷ (<paramref name="denominator"/> /
    /// 10^<paramref name="denominatorDecimals"/>), rounded half up to <paramref name="significantDigits"/> significant
    /// digits (all the digits of the whole part are kept), with trailing fraction zeros removed.
    /// </summary>
    public static string Format(BigInteger numerator, int numeratorDecimals, BigInteger denominator, int denominatorDecimals, int significantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator.Sign);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator.Sign);
        ArgumentOutOfRangeException.ThrowIfNegative(numeratorDecimals);
        ArgumentOutOfRangeException.ThrowIfNegative(denominatorDecimals);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(significantDigits);
        if (numerator.IsZero) return "0";

        // Both sides in the same unit: a / 10^da ÷ b / 10^db = (a · 10^db) ÷ (b · 10^da).
        var top = numerator * BigInteger.Pow(10, denominatorDecimals);
        var bottom = denominator * BigInteger.Pow(10, numeratorDecimals);
        int decimals = Math.Max(0, significantDigits - 1 - Exponent(top, bottom));
        var scale = BigInteger.Pow(10, decimals);
        var rounded = (2 * top * scale + bottom) / (2 * bottom);
        return DecimalFormat.Plain(rounded, decimals);
    }

    /// <summary>The power of ten of the ratio's leading digit: 0 for 1.5, 3 for 2500, −5 for 0.0000123.</summary>
    private static int Exponent(BigInteger top, BigInteger bottom)
    {
        var whole = top / bottom;
        if (!whole.IsZero) return whole.ToString(CultureInfo.InvariantCulture).Length - 1;
        int exponent = 0;
        while (top < bottom)
        {
            top *= 10;
            exponent--;
        }

        return exponent;
    }
}
