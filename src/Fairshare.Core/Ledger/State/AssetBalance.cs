using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>One asset's balance inside an account.</summary>
public readonly record struct AssetBalance(AssetId Asset, Amount Amount);
