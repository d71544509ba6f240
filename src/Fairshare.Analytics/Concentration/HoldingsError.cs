namespace Fairshare.Analytics.Concentration;

/// <summary>
/// Why a list of holdings cannot be measured (metrics.md §1). The numbers are stable (reports, scripts and exit
/// codes may use them): never renumber, only add.
/// </summary>
public enum HoldingsError
{
    /// <summary>The holdings are valid.</summary>
    None = 0,

    /// <summary>The list is empty: every metric is undefined.</summary>
    Empty = 1,

    /// <summary>A holding is negative: shares would be meaningless and the Gini could exceed 1.</summary>
    NegativeHolding = 2,

    /// <summary>Every holding is zero, so the total is zero: every metric is undefined.</summary>
    ZeroTotal = 3,

    /// <summary>A decimal text is not digits with at most one '.' between digits.</summary>
    MalformedDecimal = 4,
}
