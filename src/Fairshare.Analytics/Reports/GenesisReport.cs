using System.Collections.Immutable;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;

namespace Fairshare.Analytics.Reports;

/// <summary>The genesis analysis: its tables, the exact insider share, the row-level holdings (for a Lorenz curve), or why the amounts were refused.</summary>
public sealed record GenesisReport(ImmutableArray<ReportTable> Tables, Fraction? InsiderShare, Holdings? Holdings, string? Error)
{
    /// <summary>True when the amounts formed valid holdings.</summary>
    public bool IsOk => Error is null;
}
