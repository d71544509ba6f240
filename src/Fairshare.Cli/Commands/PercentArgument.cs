using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Commands;

/// <summary>
/// The one rule for a percentage on the command line (<c>--slippage</c>, <c>--commission</c>): "10%", "12.5" and
/// "0.5%" alike, 0 to 100 with at most two decimals, read as basis points without floating point; and the same basis
/// points written back for a person ("10%", "0.5%").
/// </summary>
internal static class PercentArgument
{
    /// <summary>The percentage <paramref name="text"/> of <paramref name="option"/> in basis points; a usage error otherwise.</summary>
    public static ushort ToBps(string text, string option)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%')) trimmed = trimmed[..^1].TrimEnd();
        if (!Amount.TryParseDecimal(trimmed, 2, out var hundredths) || !hundredths.TryToUInt64(out var bps) || bps > 10_000)
            throw new CliUsageException($"{option} '{text}' must be a percentage between 0 and 100 with at most two decimals, e.g. 0.5 or 0.5%");
        return (ushort)bps;
    }

    /// <summary>Basis points as a percentage a person reads and <see cref="ToBps"/> reads back: 1000 → "10%", 50 → "0.5%".</summary>
    public static string Text(int bps) => new Amount((ulong)bps).ToDecimalString(2) + "%";
}
