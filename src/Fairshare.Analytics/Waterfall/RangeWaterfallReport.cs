using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Waterfall;

/// <summary>
/// "Where did the money go" over a block range for one asset: every tagged flow grouped source group → tag →
/// destination group, with mints (from the zero address) and burns (to it) as rows of their own, and each group's net.
/// It reconciles to the base unit: the groups' nets add up to minted − burned (<see cref="Reconciles"/>).
/// </summary>
public sealed record RangeWaterfallReport(
    AssetId Asset,
    ulong FromHeight,
    ulong ToHeight,
    ImmutableArray<FlowEdge> Edges,
    ImmutableArray<GroupNet> Groups,
    BigInteger Minted,
    BigInteger Burned)
{
    /// <summary>Everything moved between accounts, mints and burns included.</summary>
    public BigInteger Moved => Edges.Aggregate(BigInteger.Zero, (s, e) => s + e.Amount);

    /// <summary>Σ (received − sent) over the account groups == minted − burned, exactly.</summary>
    public bool Reconciles => Groups.Aggregate(BigInteger.Zero, (s, g) => s + g.Net) == Minted - Burned;
}
