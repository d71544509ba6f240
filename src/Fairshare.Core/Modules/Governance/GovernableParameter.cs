using System.Collections.Immutable;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>One entry of the governance dispatch table: a module parameter governance may set, its range, unit and access.</summary>
/// <param name="Module">The module byte (<see cref="GovernableParameters.LedgerModule"/> for the ledger).</param>
/// <param name="Id">The parameter's stable id inside the module.</param>
/// <param name="Name">The name the CLI uses, <c>module.parameter</c>.</param>
/// <param name="Min">The smallest value accepted (inclusive).</param>
/// <param name="Max">The largest value accepted (inclusive).</param>
/// <param name="Decimals">The decimals of a plain-decimal value: 18 for an FSH amount or a lending mantissa, 10 for a
/// StableSwap fee, 0 for a whole number (how genesis files and <c>--set</c> write it without a unit).</param>
/// <param name="Unit">What the value counts, and so how it is shown (<see cref="Format"/>).</param>
/// <param name="Read">Reads the value in force.</param>
/// <param name="Write">Sets a value already checked against the range (journaled).</param>
public sealed record GovernableParameter(
    byte Module, byte Id, string Name, Amount Min, Amount Max, byte Decimals, ParameterUnit Unit,
    Func<LedgerState, Amount> Read, Action<LedgerState, Amount> Write)
{
    /// <summary>The symbol a <see cref="ParameterUnit.Tokens"/> value is shown with.</summary>
    public const string TokenSymbol = "FSH";

    /// <summary>For <see cref="ParameterUnit.Choice"/>: the name of each value, index = value (kebab case, <see cref="EnumText"/>).</summary>
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>The unit's name in JSON and the docs: <c>tokens</c>, <c>fraction</c>, <c>basis-points</c>, … (<see cref="EnumText"/>).</summary>
    public string UnitName => EnumText.Name(Unit);

    /// <summary>Whether <paramref name="value"/> is within the range.</summary>
    public bool Accepts(in Amount value) => value >= Min && value <= Max;

    /// <summary>
    /// A value in the parameter's own unit, for people: "0.0001 FSH", "50 %" (a fraction, basis points or ppm), "40,320"
    /// (counts, blocks, seconds, bytes), "on"/"off", or the choice's name ("fair-share"). Grouping as <see cref="DecimalFormat"/>.
    /// </summary>
    public string Format(in Amount value) => Unit switch
    {
        ParameterUnit.Tokens => value.ToGroupedString(Decimals) + " " + TokenSymbol,
        ParameterUnit.Fraction or ParameterUnit.BasisPoints or ParameterUnit.PartsPerMillion => value.ToGroupedString(PercentDecimals) + " %",
        ParameterUnit.Flag => value.IsZero ? "off" : "on",
        ParameterUnit.Choice when value.TryToUInt64(out ulong index) && index < (ulong)Choices.Length => Choices[(int)index],
        _ => value.ToGroupedString(0),
    };

    /// <summary>The range for people: "0 % .. 90 %".</summary>
    public string FormatRange() => $"{Format(Min)} .. {Format(Max)}";

    /// <summary>
    /// Reads a value as <see cref="Format"/> writes it ("50 %", "0.5 FSH", "1,000", "on", "fair-share") or as a plain
    /// decimal with <see cref="Decimals"/> places ("0.5" for a lending mantissa, "2500" for basis points, "1" for a
    /// choice's number). Null when the text is neither; the range is not checked here.
    /// </summary>
    public Amount? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (Unit == ParameterUnit.Choice)
        {
            int index = Choices.IndexOf(trimmed, StringComparer.OrdinalIgnoreCase);
            if (index >= 0) return new Amount((ulong)index);
        }

        if (Unit == ParameterUnit.Flag)
        {
            switch (trimmed.ToLowerInvariant())
            {
                case "on" or "true": return Amount.One;
                case "off" or "false": return Amount.Zero;
            }
        }

        int decimals = Decimals;
        if (Unit is (ParameterUnit.Fraction or ParameterUnit.BasisPoints or ParameterUnit.PartsPerMillion) && trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
            decimals = PercentDecimals;
        }
        else if (Unit == ParameterUnit.Tokens && trimmed.EndsWith(" " + TokenSymbol, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^(TokenSymbol.Length + 1)].TrimEnd();
        }

        return Amount.TryParseDecimal(trimmed.Replace(",", "", StringComparison.Ordinal), decimals, out var value) ? value : null;
    }

    /// <summary>The decimals of the value written in percent: 10^Decimals = 100 % for a fraction, 10^4 for basis points, 10^6 for ppm.</summary>
    private int PercentDecimals => Unit switch
    {
        ParameterUnit.Fraction => Decimals - 2,
        ParameterUnit.BasisPoints => 2,
        ParameterUnit.PartsPerMillion => 4,
        _ => throw new InvalidOperationException($"{Name} is not a share"),
    };
}
