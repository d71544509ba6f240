using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Output;

/// <summary>
/// The CLI's FSH text for people: whole tokens grouped as <see cref="DecimalFormat"/> writes every number ("1,000.5"),
/// exact unless a table asks for at most a few decimals (cut, never rounded up). <c>--json</c> keeps base units.
/// </summary>
public static class TokenText
{
    /// <summary>"1,000.5 FSH", exact.</summary>
    public static string Fsh(Amount amount) => Number(amount) + " FSH";

    /// <summary>"1,000.5": an FSH amount without its symbol, exact.</summary>
    public static string Number(Amount amount) => amount.ToGroupedString(Units.Decimals);

    /// <summary>"1,000.123456": an FSH amount cut to at most <paramref name="maxDecimals"/> decimals.</summary>
    public static string Number(Amount amount, int maxDecimals) =>
        DecimalFormat.Group(DecimalFormat.Truncated(amount.ToBigInteger(), Units.Decimals, maxDecimals));
}
