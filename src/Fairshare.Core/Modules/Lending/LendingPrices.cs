using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// The lending module's price oracle: the quote asset is worth 1e18, every other asset its AMM TWAP against the quote
/// (<see cref="AmmOracle.TryTwap"/>), never a spot price. The TWAP mantissa is quote base units per asset base unit
/// times 1e18, which is Compound's scale (10^(36 − decimals) per whole token) when the quote has 18 decimals.
/// </summary>
public static class LendingPrices
{
    /// <summary>The price of one base unit of <paramref name="asset"/> (1e18 mantissa) at <paramref name="nowSeconds"/>; 0 when there is no mature TWAP.</summary>
    public static BigInteger Price(LedgerState state, AssetId asset, ulong nowSeconds)
    {
        var quote = LendingMarkets.Params(state).QuoteAsset;
        if (asset == quote) return CompoundExp.ExpScale;
        return AmmOracle.TryTwap(state, asset, quote, nowSeconds, out var mantissa) == ResultCode.Ok ? mantissa.ToBigInteger() : BigInteger.Zero;
    }
}
