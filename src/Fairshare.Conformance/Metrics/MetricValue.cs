using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;

namespace Fairshare.Conformance.Metrics;

/// <summary>A computed metric: exact (a fraction), approximate (Theil, a double), or undefined (both null).</summary>
internal readonly record struct MetricValue(Fraction? Exact, double? Approx, bool IsInteger)
{
    /// <summary>An integer result (n, a Nakamoto coefficient): compared exactly.</summary>
    public static MetricValue Integer(long value) => new(new Fraction(value), null, true);

    /// <summary>A rational result, or undefined.</summary>
    public static MetricValue Of(Fraction? value) => new(value, null, false);

    /// <inheritdoc/>
    public override string ToString() =>
        Exact is { } f ? (IsInteger ? f.ToString() : $"{f} ≈ {NumberText.Plain(f.ToDouble())}")
        : Approx is { } d ? NumberText.Plain(d) : "undefined";
}
