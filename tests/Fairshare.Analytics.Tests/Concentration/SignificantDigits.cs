using System.Globalization;

namespace Fairshare.Analytics.Tests.Concentration;

/// <summary>metrics.md §3's comparison: "12 significant digits", and "undef." for an undefined metric.</summary>
public static class SignificantDigits
{
    private const double Relative = 5e-12;
    private const double AbsoluteAtZero = 1e-12;

    /// <summary>|actual − expected| ≤ 5·10⁻¹²·|expected|, or |actual| ≤ 10⁻¹² when expected is 0; null for "undef.".</summary>
    public static void AssertMatches(string expected, double? actual, string what)
    {
        if (expected == "undef.")
        {
            Assert.True(actual is null, $"{what}: expected undefined, got {actual}");
            return;
        }

        Assert.True(actual is not null, $"{what}: expected {expected}, got undefined");
        double wanted = double.Parse(expected, CultureInfo.InvariantCulture);
        bool close = wanted == 0
            ? Math.Abs(actual.Value) <= AbsoluteAtZero
            : Math.Abs(actual.Value - wanted) <= Relative * Math.Abs(wanted);
        Assert.True(close, $"{what}: expected {expected}, got {actual.Value:R}");
    }
}
