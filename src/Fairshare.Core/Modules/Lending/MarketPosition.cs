using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// An account's position in one entered market, as <c>getHypotheticalAccountLiquidityInternal</c> reads it
/// (<c>defi-math.md</c> §3.12). Rates, factor and price are 1e18 mantissas; the price is the oracle's, already scaled by
/// 10^(36 − underlying decimals).
/// </summary>
/// <param name="CTokenBalance">The account's cToken balance.</param>
/// <param name="BorrowBalance">The account's stored borrow balance, in underlying.</param>
/// <param name="ExchangeRate">The market's stored exchange rate.</param>
/// <param name="CollateralFactor">The market's collateral factor.</param>
/// <param name="Price">The oracle price of the underlying; 0 means the oracle failed.</param>
public readonly record struct MarketPosition(BigInteger CTokenBalance, BigInteger BorrowBalance, BigInteger ExchangeRate, BigInteger CollateralFactor, BigInteger Price);
