using System.Globalization;
using System.Numerics;

namespace Fairshare.Dashboard.Tests.Support;

/// <summary>API values formatted as the dashboard's app.js shows them, so a test compares text with text.</summary>
public static class Shown
{
    /// <summary>Digits grouped in threes with commas.</summary>
    public static string Group(BigInteger value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Base units as a token amount with 4 decimals, truncated toward zero (app.js <c>amount</c>).</summary>
    public static string Amount(string baseUnits, int decimals = 18, int places = 4)
    {
        var value = BigInteger.Parse(baseUnits, CultureInfo.InvariantCulture);
        var sign = value.Sign < 0 ? "-" : "";
        value = BigInteger.Abs(value);
        var unit = BigInteger.Pow(10, decimals);
        var fraction = value % unit * BigInteger.Pow(10, places) / unit;
        return sign + Group(value / unit) + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(places, '0');
    }

    /// <summary>A metric with 4 decimals, or "—" when undefined (app.js <c>ratio</c>).</summary>
    public static string Ratio(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "—";
}
