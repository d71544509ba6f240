using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>A registered asset: symbol, decimals, total supply, and for issued assets the issuer.</summary>
public sealed record AssetInfo(AssetId Id, string Symbol, byte Decimals, Amount Supply, Address? Issuer);
