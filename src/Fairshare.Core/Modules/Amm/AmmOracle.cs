using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// Price reads from the AMM. <see cref="TryTwap"/> averages the pair's accumulators over at least the TWAP period
/// (Uniswap's oracle pattern), so a price moved within the current block counts for nothing: the accumulators only
/// ever weigh a price by the time it stood. <see cref="Spot"/> is the instantaneous reserve ratio, for display only.
/// </summary>
public static class AmmOracle
{
    /// <summary>
    /// The time-weighted average price of one unit of <paramref name="asset"/> in <paramref name="quote"/>, as a
    /// 1e18 mantissa, at <paramref name="nowSeconds"/>.
    /// </summary>
    public static ResultCode TryTwap(LedgerState state, AssetId asset, AssetId quote, ulong nowSeconds, out Amount priceMantissa)
    {
        priceMantissa = Amount.Zero;
        var pool = AmmPools.Find(state, asset, quote);
        if (pool is null) return ResultCode.PoolNotFound;
        uint period = AmmPools.Params(state).TwapPeriodSeconds;
        Observation observation;
        if (pool.Newer.Exists && nowSeconds >= pool.Newer.Timestamp + period) observation = pool.Newer;
        else if (pool.Older.Exists && nowSeconds >= pool.Older.Timestamp + period) observation = pool.Older;
        else return ResultCode.OracleNotReady;

        // The accumulators as they would stand now (UniswapV2OracleLibrary.currentCumulativePrices).
        var current = UniswapV2Math.OracleUpdate(pool.Reserve0.ToBigInteger(), pool.Reserve1.ToBigInteger(),
            new OracleState(pool.Price0Cumulative.ToBigInteger(), pool.Price1Cumulative.ToBigInteger(), pool.TimestampLast, 0), nowSeconds);
        bool isAsset0 = asset == pool.Asset0;
        var cumulative = isAsset0 ? current.Price0CumulativeLast : current.Price1CumulativeLast;
        var then = (isAsset0 ? observation.Price0Cumulative : observation.Price1Cumulative).ToBigInteger();
        var averageUq112 = Wrap256(cumulative - then) / (nowSeconds - observation.Timestamp);
        return Amount.TryFromBigInteger(averageUq112 * Wad >> 112, out priceMantissa) ? ResultCode.Ok : ResultCode.MathOverflow;
    }

    /// <summary>The spot price of one unit of <paramref name="asset"/> in the pool's other asset (1e18 mantissa); zero when empty.</summary>
    public static BigInteger Spot(Pool pool, AssetId asset)
    {
        var (own, other) = asset == pool.Asset0 ? (pool.Reserve0, pool.Reserve1) : (pool.Reserve1, pool.Reserve0);
        return own.IsZero ? BigInteger.Zero : other.ToBigInteger() * Wad / own.ToBigInteger();
    }
}
