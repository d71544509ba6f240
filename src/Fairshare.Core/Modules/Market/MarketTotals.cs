namespace Fairshare.Core.Modules.Market;

/// <summary>The market-wide counters: all work ever assigned, and where the matcher stopped in the last block.</summary>
/// <param name="AssignedWorkUnits">Work units of every slot ever assigned.</param>
/// <param name="MatchCursor">The last open job the matcher tried (the next block starts after it, wrapping around).</param>
internal readonly record struct MarketTotals(ulong AssignedWorkUnits, ulong MatchCursor);
