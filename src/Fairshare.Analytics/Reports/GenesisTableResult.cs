using System.Collections.Immutable;

namespace Fairshare.Analytics.Reports;

/// <summary>A parsed genesis table, or why it could not be read (<see cref="Error"/> names the line or entry).</summary>
public sealed record GenesisTableResult(ImmutableArray<GenesisAllocation> Rows, string? Error)
{
    /// <summary>True when the table was read.</summary>
    public bool IsOk => Error is null;
}
