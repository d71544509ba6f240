using System.Diagnostics.CodeAnalysis;

namespace Fairshare.Analytics.Concentration;

/// <summary>
/// The outcome of validating holdings: the <see cref="Holdings"/>, or an error code with a message for people.
/// Invalid input (empty, negative, all zero, malformed) comes back here; it is never thrown.
/// </summary>
/// <param name="Value">The validated holdings; set only on success.</param>
/// <param name="Error">Why the input was refused, or <see cref="HoldingsError.None"/>.</param>
/// <param name="Message">A human-readable explanation naming the offending entry; null on success.</param>
public readonly record struct HoldingsResult(Holdings? Value, HoldingsError Error, string? Message)
{
    /// <summary>True when the holdings are valid and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Error == HoldingsError.None && Value is not null;

    internal static HoldingsResult Ok(Holdings holdings) => new(holdings, HoldingsError.None, null);

    internal static HoldingsResult Fail(HoldingsError error, string message) => new(null, error, message);
}
