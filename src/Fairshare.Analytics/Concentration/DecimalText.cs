using System.Globalization;
using System.Numerics;

namespace Fairshare.Analytics.Concentration;

/// <summary>An exact decimal read from text: ±digits / 10^places, e.g. "0.70" is 70 / 10².</summary>
internal readonly record struct DecimalText(BigInteger Digits, int Places)
{
    /// <summary>Reads <c>[-]digits[.digits]</c>; nothing else (no exponent, no spaces, no '+').</summary>
    public static bool TryParse(string? text, out DecimalText value)
    {
        value = default;
        if (text is null) return false;
        bool negative = text.StartsWith('-');
        string body = negative ? text[1..] : text;
        int point = body.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? body : body[..point];
        string fraction = point < 0 ? string.Empty : body[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit)) return false;
        if (point >= 0 && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))) return false;
        var digits = BigInteger.Parse(whole + fraction, NumberStyles.None, CultureInfo.InvariantCulture);
        value = new DecimalText(negative ? -digits : digits, fraction.Length);
        return true;
    }

    /// <summary>The value in units of 10^−<paramref name="places"/> (places ≥ <see cref="Places"/>): exact.</summary>
    public BigInteger ScaledTo(int places) => Digits * BigInteger.Pow(10, places - Places);
}
