using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// A market as it stands, for display: cash, utilisation, the model's per-block borrow and supply rates, the exchange
/// rate and the TWAP price (zero when there is none). Values are as of the last accrual, like Compound's stored getters.
/// </summary>
/// <param name="Market">The market record.</param>
/// <param name="Cash">The market's cash.</param>
/// <param name="CTokenSupply">cTokens outstanding.</param>
/// <param name="Utilization">Borrows over cash + borrows − reserves (1e18 mantissa).</param>
/// <param name="BorrowRatePerBlock">The model's borrow rate per block (1e18 mantissa); zero when the model cannot price the market.</param>
/// <param name="SupplyRatePerBlock">The model's supply rate per block (1e18 mantissa); zero when the model cannot price the market.</param>
/// <param name="ExchangeRate">Underlying base units per cToken base unit (1e18 mantissa); zero when undefined.</param>
/// <param name="Price">The oracle price of one underlying base unit in quote base units (1e18 mantissa); zero without a TWAP.</param>
public sealed record MarketSummary(
    Market Market,
    BigInteger Cash,
    BigInteger CTokenSupply,
    BigInteger Utilization,
    BigInteger BorrowRatePerBlock,
    BigInteger SupplyRatePerBlock,
    BigInteger ExchangeRate,
    BigInteger Price)
{
    /// <summary>A rate per block as a simple yearly rate (1e18 mantissa), at the model's blocks per year.</summary>
    public static BigInteger Yearly(BigInteger ratePerBlock) => ratePerBlock * JumpRateModel.BlocksPerYear;

    /// <summary>The summary of a market at <paramref name="nowSeconds"/>.</summary>
    public static MarketSummary Of(LedgerState state, Market market, ulong nowSeconds)
    {
        var cash = LendingMarkets.Cash(state, market);
        var (borrows, reserves) = (market.TotalBorrows, market.TotalReserves);
        BigInteger utilization = BigInteger.Zero, borrowRate = BigInteger.Zero, supplyRate = BigInteger.Zero, exchangeRate = BigInteger.Zero;
        try
        {
            exchangeRate = LendingMarkets.ExchangeRate(state, market);
            utilization = JumpRateModel.UtilizationRate(cash, borrows, reserves);
            borrowRate = market.Risk.RateModel.BorrowRate(cash, borrows, reserves);
            supplyRate = market.Risk.RateModel.SupplyRate(cash, borrows, reserves, market.Risk.ReserveFactor);
        }
        catch (RevertException)
        {
            // Reserves at or above cash + borrows: neither the model nor the exchange rate is defined, and the market shows zeros.
        }

        return new MarketSummary(market, cash, state.FindAsset(market.CToken)!.Supply.ToBigInteger(), utilization, borrowRate, supplyRate,
            exchangeRate, LendingPrices.Price(state, market.Underlying, nowSeconds));
    }
}
