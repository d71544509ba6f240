using System.Globalization;
using System.Text;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Export;

/// <summary>
/// How a double is written, in files and for people: invariant culture and never E notation (<c>5E-05</c> is
/// <c>0.00005</c>, <c>3.5E+16</c> is <c>35000000000000000</c>). Files take <see cref="Plain"/>, the shortest text
/// that reads back as the same double; people take <see cref="Significant"/>, rounded and grouped as
/// <see cref="DecimalFormat"/> groups every number.
/// </summary>
public static class NumberText
{
    /// <summary>
    /// The shortest decimal text that round-trips to <paramref name="value"/>, written out in full: "0.25",
    /// "0.000000000000000000000000000001", "12345678901234567000". NaN and infinities as .NET names them ("NaN",
    /// "Infinity", "-Infinity").
    /// </summary>
    public static string Plain(double value) => Expand(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="digits"/> significant digits, trailing zeros dropped, the whole
    /// part grouped: "0.00005", "0.639997", "107,500", "35,355,300,000,000,000". NaN and infinities as in <see cref="Plain"/>.
    /// </summary>
    public static string Significant(double value, int digits = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(digits);
        if (!double.IsFinite(value)) return Plain(value);
        string text = Expand(value.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        return DecimalFormat.Group(text);
    }

    /// <summary>Writes "[-]d.dddE[+-]x" out in full, trailing fraction zeros removed; text without an exponent is returned as is.</summary>
    private static string Expand(string text)
    {
        int e = text.IndexOfAny(['E', 'e']);
        if (e < 0) return text;
        bool negative = text.StartsWith('-');
        string mantissa = text[(negative ? 1 : 0)..e];
        int exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int wholeDigits = (point < 0 ? mantissa.Length : point) + exponent;
        string whole, fraction;
        if (wholeDigits <= 0)
        {
            whole = "0";
            fraction = new string('0', -wholeDigits) + digits;
        }
        else if (wholeDigits >= digits.Length)
        {
            whole = digits + new string('0', wholeDigits - digits.Length);
            fraction = "";
        }
        else
        {
            whole = digits[..wholeDigits];
            fraction = digits[wholeDigits..];
        }

        whole = whole.TrimStart('0');
        fraction = fraction.TrimEnd('0');
        var result = new StringBuilder();
        if (whole.Length == 0) whole = "0";
        if (negative && (whole != "0" || fraction.Length > 0)) result.Append('-');
        result.Append(whole);
        if (fraction.Length > 0) result.Append('.').Append(fraction);
        return result.ToString();
    }
}
