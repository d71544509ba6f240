using System.Numerics;
using Fairshare.Analytics.Export;

namespace Fairshare.Simulation.Runs;

/// <summary>One named outcome figure of a run.</summary>
/// <param name="Name">snake_case name, stable across runs (a column of the results table).</param>
/// <param name="Value">The value; NaN when undefined for this run (never printed as 0). For money, whole tokens (for
/// means, charts and the terminal): the exact figure is <see cref="Amount"/>.</param>
public sealed record RunMetric(string Name, double Value)
{
    /// <summary>For a money metric, the exact amount (base units and decimals); the files hold this, never the double.</summary>
    public TokenAmount? Amount { get; init; }

    /// <summary>For a money metric, the token's symbol ("FSH", "USDF").</summary>
    public string? Symbol { get; init; }

    /// <summary>A money metric: exact base units of a token with <paramref name="decimals"/> decimals.</summary>
    public static RunMetric Money(string name, BigInteger baseUnits, string symbol, int decimals = 18)
    {
        var amount = new TokenAmount(baseUnits, decimals);
        return new RunMetric(name, amount.ToDouble()) { Amount = amount, Symbol = symbol };
    }
}
