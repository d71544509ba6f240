using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>An asset registered at genesis; issued assets (USDF) name their issuer.</summary>
public sealed record GenesisAsset(AssetId Id, string Symbol, byte Decimals, Address? Issuer);
