namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/lending/markets</c>: a Compound-style market as of its last accrual: cash, borrows, reserves and cToken
/// supply in base units, rates per block and ratios as 1e18 mantissas (decimal strings), the TWAP price in the quote
/// asset (null when the oracle has none yet).
/// </summary>
public sealed record LendingMarketDto(
    string Asset,
    string CToken,
    [property: BaseUnits] string Cash,
    [property: BaseUnits] string Borrows,
    [property: BaseUnits] string Reserves,
    [property: BaseUnits] string CTokenSupply,
    [property: Mantissa] string UtilizationMantissa,
    [property: Mantissa] string BorrowRatePerBlock,
    [property: Mantissa] string SupplyRatePerBlock,
    [property: Mantissa] string ExchangeRateMantissa,
    [property: Mantissa] string? TwapPriceMantissa,
    [property: Mantissa] string CollateralFactorMantissa,
    [property: Mantissa] string ReserveFactorMantissa,
    ulong AccrualBlock);
