using System.Collections.Immutable;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Reports;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Report;

/// <summary>What <see cref="ChainDirectory.Read"/> finds in a state: who the accounts are, the protocol accounts, and every asset's balances.</summary>
public sealed record ChainAccounts(AccountDirectory Directory, IReadOnlySet<Address> Protocol, ImmutableArray<AssetHoldings> Assets);
