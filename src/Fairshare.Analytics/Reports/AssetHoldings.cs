using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>Every account's balance of one asset (zero balances may be left out).</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Symbol">Its symbol (FSH, USDF, LP-…).</param>
/// <param name="Decimals">Base units per whole token: 10^Decimals.</param>
/// <param name="Balances">The balances.</param>
public sealed record AssetHoldings(AssetId Asset, string Symbol, int Decimals, ImmutableArray<AccountBalance> Balances);
