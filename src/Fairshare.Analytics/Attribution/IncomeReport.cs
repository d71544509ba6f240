using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>Income of one asset over a range of blocks, attributed (see <see cref="IncomeAttribution"/>).</summary>
/// <param name="Asset">The asset measured.</param>
/// <param name="FromHeight">First block.</param>
/// <param name="ToHeight">Last block.</param>
/// <param name="PerAccount">Each earning account's income, base units.</param>
/// <param name="ByGroup">Per exclusive group and tag (<see cref="AccountDirectory.Group"/>), sorted by group then tag.</param>
/// <param name="ByRole">Per role and tag (overlapping: an account counts in each of its roles).</param>
/// <param name="Buckets">Income per group over equal block ranges, with the cumulative Gini.</param>
public sealed record IncomeReport(
    AssetId Asset,
    ulong FromHeight,
    ulong ToHeight,
    IReadOnlyDictionary<Address, BigInteger> PerAccount,
    ImmutableArray<IncomeCell> ByGroup,
    ImmutableArray<IncomeCell> ByRole,
    ImmutableArray<IncomeBucket> Buckets)
{
    /// <summary>All income, base units.</summary>
    public BigInteger Total => ByGroup.Aggregate(BigInteger.Zero, (sum, c) => sum + c.Amount);
}
