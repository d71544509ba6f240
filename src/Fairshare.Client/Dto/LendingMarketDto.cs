namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/lending/markets</c>: a Compound-style market as of its last accrual: cash, borrows, reserves and cToken
/// supply in base units, rates per block and ratios as 1e18 mantissas (decimal strings), the TWAP price in the quote
/// asset (null when the oracle has none yet).
/// </summary>
public sealed record LendingMarketDto(
    string Asset,
    string CToken,
    string Cash,
    string Borrows,
    string Reserves,
    string CTokenSupply,
    string UtilizationMantissa,
    string BorrowRatePerBlock,
    string SupplyRatePerBlock,
    string ExchangeRateMantissa,
    string? TwapPriceMantissa,
    string CollateralFactorMantissa,
    string ReserveFactorMantissa,
    ulong AccrualBlock);
