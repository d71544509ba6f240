using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Farming;

/// <summary>Read-only views of farms for wallets and explorers: what an account has earned, and the current APR.</summary>
public static class FarmViews
{
    /// <summary>Seconds in a 365-day year.</summary>
    public const ulong SecondsPerYear = 31_536_000;

    /// <summary>The contract's <c>earned(account)</c> at <paramref name="nowSeconds"/>: FSH a claim would pay now.</summary>
    public static Amount Earned(LedgerState state, Farm farm, Address account, ulong nowSeconds)
    {
        var contract = farm.ToContract(FarmRegistry.GetStake(state, farm.Id, account), Amount.Zero);
        return Farm.ToAmount(StakingRewards.Earned(contract, nowSeconds, 0));
    }

    /// <summary>
    /// The annual reward rate in basis points of the staked value, both counted in FSH: the current rate over a year
    /// divided by the staked units times <see cref="TryUnitValue"/>. Zero once the period is over; null when nothing is
    /// staked or the staking asset cannot be priced in FSH.
    /// </summary>
    public static BigInteger? AprBps(LedgerState state, Farm farm, ulong nowSeconds)
    {
        if (farm.TotalStaked.IsZero || !TryUnitValue(state, farm.StakingAsset, nowSeconds, out var unitValue) || unitValue.IsZero) return null;
        if (nowSeconds >= farm.PeriodFinish) return BigInteger.Zero;
        var yearly = farm.RewardRate.ToBigInteger() * SecondsPerYear;
        return yearly * 10_000 * Wad / (farm.TotalStaked.ToBigInteger() * unitValue);
    }

    /// <summary>
    /// The FSH value of one base unit of <paramref name="asset"/> as a 1e18 mantissa: 1 for FSH; for the LP asset of an
    /// FSH pool, twice the pool's FSH reserve per LP unit; otherwise the TWAP of the asset's FSH pool. For display only.
    /// </summary>
    public static bool TryUnitValue(LedgerState state, AssetId asset, ulong nowSeconds, out BigInteger valueMantissa)
    {
        valueMantissa = BigInteger.Zero;
        if (asset == AssetId.Fsh)
        {
            valueMantissa = Wad;
            return true;
        }

        var lpPool = AmmPools.All(state).FirstOrDefault(p => p.LpAsset == asset);
        if (lpPool is not null)
        {
            var supply = state.FindAsset(asset)!.Supply;
            if (supply.IsZero || (lpPool.Asset0 != AssetId.Fsh && lpPool.Asset1 != AssetId.Fsh)) return false;
            valueMantissa = 2 * lpPool.ReserveOf(AssetId.Fsh).ToBigInteger() * Wad / supply.ToBigInteger();
            return true;
        }

        if (AmmOracle.TryTwap(state, asset, AssetId.Fsh, nowSeconds, out var price) != ResultCode.Ok) return false;
        valueMantissa = price.ToBigInteger();
        return true;
    }
}
