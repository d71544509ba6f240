using System.Collections.Immutable;
using Fairshare.Analytics.Attribution;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>What the overview report measures: balances at one height, who the accounts are, and the flows up to it.</summary>
/// <param name="Height">The height of the balances (the flows run from block 1 to it).</param>
/// <param name="Assets">Balances per asset; the first is the one income is measured in (FSH).</param>
/// <param name="Directory">Groups and roles of the accounts.</param>
/// <param name="Protocol">Protocol accounts, left out of <see cref="Population.People"/>.</param>
/// <param name="Flows">Every flow-tagged event, in chain order.</param>
/// <param name="Buckets">How many block ranges the over-time series have.</param>
public sealed record OverviewInput(
    ulong Height,
    ImmutableArray<AssetHoldings> Assets,
    AccountDirectory Directory,
    IReadOnlySet<Address> Protocol,
    IReadOnlyList<FlowRecord> Flows,
    int Buckets = 20);
