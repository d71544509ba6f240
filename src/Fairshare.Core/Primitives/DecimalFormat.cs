using System.Globalization;
using System.Numerics;
using System.Text;

namespace Fairshare.Core.Primitives;

/// <summary>
/// How every human-facing number is written: exact decimals in integer arithmetic, invariant culture, never E notation,
/// and one grouping rule (a comma every three digits of the whole part: <c>1,234,567.891</c>). Files and JSON take
/// <see cref="Plain"/> (no grouping); terminals, the dashboard and the docs take <see cref="Grouped(BigInteger, int)"/>.
/// </summary>
public static class DecimalFormat
{
    /// <summary>
    /// <paramref name="units"/> / 10^<paramref name="decimals"/> exactly, trailing fraction zeros removed, no grouping:
    /// "1.5", "-12", "0.000000000000000001". A negative <paramref name="decimals"/> multiplies by 10^−decimals.
    /// </summary>
    public static string Plain(BigInteger units, int decimals)
    {
        if (decimals <= 0) return (units * BigInteger.Pow(10, -decimals)).ToString(CultureInfo.InvariantCulture);
        string sign = units.Sign < 0 ? "-" : "";
        string digits = BigInteger.Abs(units).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        string whole = digits[..^decimals];
        string fraction = digits[^decimals..].TrimEnd('0');
        return sign + (fraction.Length == 0 ? whole : whole + "." + fraction);
    }

    /// <summary>
    /// As <see cref="Plain"/>, cut (toward zero, never rounded up) to at most <paramref name="maxFraction"/> fraction
    /// digits: a table's short form, "1.234567" for 1.2345678 at six.
    /// </summary>
    public static string Truncated(BigInteger units, int decimals, int maxFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFraction);
        return maxFraction >= decimals ? Plain(units, decimals) : Plain(units / BigInteger.Pow(10, decimals - maxFraction), maxFraction);
    }

    /// <summary>As <see cref="Plain"/>, with the whole part grouped: "1,000,000,000", "-12,345.6789".</summary>
    public static string Grouped(BigInteger units, int decimals) => Group(Plain(units, decimals));

    /// <summary>A plain integer, grouped: "40,320".</summary>
    public static string Grouped(ulong value) => Group(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Groups the whole part of a plain decimal text (<c>[-]digits[.digits]</c>) by threes; any other text (an empty
    /// cell, "undef.", "NaN") comes back unchanged.
    /// </summary>
    public static string Group(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        int start = plain.StartsWith('-') ? 1 : 0;
        int point = plain.IndexOf('.', StringComparison.Ordinal);
        int end = point < 0 ? plain.Length : point;
        if (end - start <= 3) return plain;
        for (int i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(plain[i])) return plain;
        }

        var text = new StringBuilder(plain.Length + (end - start) / 3);
        text.Append(plain, 0, start);
        for (int i = start; i < end; i++)
        {
            if (i > start && (end - i) % 3 == 0) text.Append(',');
            text.Append(plain[i]);
        }

        return text.Append(plain, end, plain.Length - end).ToString();
    }
}
