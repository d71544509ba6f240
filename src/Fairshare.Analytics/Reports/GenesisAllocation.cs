namespace Fairshare.Analytics.Reports;

/// <summary>One row of a genesis allocation table.</summary>
/// <param name="Label">What the allocation is (a bucket, a group, an account).</param>
/// <param name="Amount">The amount as an exact decimal text.</param>
/// <param name="Cohort">The group it belongs to (team, investors, community, …); the label when not given.</param>
public sealed record GenesisAllocation(string Label, string Amount, string Cohort);
