namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/amm/pools</c>: a constant-product pool: its assets (symbols), reserves and LP supply in base units, the
/// spot price of asset0 in asset1 as a 1e18 mantissa, the TWAP price (null until the oracle has a window) and its account.
/// </summary>
public sealed record PoolDto(
    uint Id,
    string Asset0,
    string Asset1,
    [property: BaseUnits] string Reserve0,
    [property: BaseUnits] string Reserve1,
    string LpAsset,
    [property: BaseUnits] string LpSupply,
    [property: Mantissa] string SpotPrice0,
    [property: Mantissa] string? TwapPrice0,
    string Account);
