using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Conformance.Reference;

/// <summary>
/// The formulas of SushiSwap <c>MasterChef</c> v1, the production contract (<c>defi-math.md</c> §5), with SafeMath's
/// checked uint256 arithmetic in the contract's evaluation order.
/// </summary>
public static class MasterChefMath
{
    /// <summary>Reward multiplier for blocks before the bonus end.</summary>
    public static readonly BigInteger BonusMultiplier = 10;

    /// <summary>Scale of <c>accSushiPerShare</c> (ACC_PRECISION, 1e12).</summary>
    public static readonly BigInteger AccPrecision = BigInteger.Pow(10, 12);

    /// <summary>The dev fund receives reward / 10 on top of each pool reward.</summary>
    public static readonly BigInteger DevDivisor = 10;

    /// <summary>§5 getMultiplier: blocks in [from, to), those before the bonus end counting 10 times.</summary>
    public static BigInteger GetMultiplier(BigInteger fromBlock, BigInteger toBlock, BigInteger bonusEndBlock)
    {
        if (toBlock <= bonusEndBlock) return Mul(Sub(toBlock, fromBlock), BonusMultiplier);
        if (fromBlock >= bonusEndBlock) return Sub(toBlock, fromBlock);
        return Add(Mul(Sub(bonusEndBlock, fromBlock), BonusMultiplier), Sub(toBlock, bonusEndBlock));
    }

    /// <summary>
    /// §5 updatePool: no change at or before <c>last_reward_block</c>; with nothing staked only the block moves; otherwise
    /// the pool's reward m × sushi_per_block × alloc_point / total_alloc_point (0 total reverts <c>DIVISION_BY_ZERO</c>),
    /// a tenth of it again for the dev fund, and acc += reward × 1e12 / lp_supply.
    /// </summary>
    public static PoolUpdate UpdatePool(ChefPool pool, BigInteger blockNumber, BigInteger sushiPerBlock, BigInteger totalAllocPoint, BigInteger bonusEndBlock)
    {
        if (blockNumber <= pool.LastRewardBlock) return new PoolUpdate(pool, 0, 0);
        if (pool.LpSupply.IsZero) return new PoolUpdate(pool with { LastRewardBlock = blockNumber }, 0, 0);
        var reward = PoolReward(pool, blockNumber, sushiPerBlock, totalAllocPoint, bonusEndBlock);
        var devReward = Div(reward, DevDivisor);
        var acc = Add(pool.AccSushiPerShare, Div(Mul(reward, AccPrecision), pool.LpSupply));
        return new PoolUpdate(pool with { AccSushiPerShare = acc, LastRewardBlock = blockNumber }, reward, devReward);
    }

    /// <summary>
    /// §5 pendingSushi: the user's reward if the pool were updated at <paramref name="blockNumber"/> (the same increment
    /// under the same guard, not stored): amount × acc / 1e12 − reward_debt.
    /// </summary>
    public static BigInteger PendingSushi(ChefUser user, ChefPool pool, BigInteger blockNumber, BigInteger sushiPerBlock, BigInteger totalAllocPoint, BigInteger bonusEndBlock)
    {
        var acc = pool.AccSushiPerShare;
        if (blockNumber > pool.LastRewardBlock && !pool.LpSupply.IsZero)
        {
            var reward = PoolReward(pool, blockNumber, sushiPerBlock, totalAllocPoint, bonusEndBlock);
            acc = Add(acc, Div(Mul(reward, AccPrecision), pool.LpSupply));
        }

        return Accrued(user, acc);
    }

    /// <summary>The user's reward at accumulator <paramref name="accSushiPerShare"/>: amount × acc / 1e12 − reward_debt.</summary>
    public static BigInteger Accrued(ChefUser user, BigInteger accSushiPerShare) =>
        Sub(RewardDebt(user.Amount, accSushiPerShare), user.RewardDebt);

    /// <summary>The reward debt of <paramref name="amount"/> staked at accumulator <paramref name="accSushiPerShare"/>: amount × acc / 1e12.</summary>
    public static BigInteger RewardDebt(BigInteger amount, BigInteger accSushiPerShare) => Div(Mul(amount, accSushiPerShare), AccPrecision);

    private static BigInteger PoolReward(ChefPool pool, BigInteger blockNumber, BigInteger sushiPerBlock, BigInteger totalAllocPoint, BigInteger bonusEndBlock)
    {
        var multiplier = GetMultiplier(pool.LastRewardBlock, blockNumber, bonusEndBlock);
        return Div(Mul(Mul(multiplier, sushiPerBlock), pool.AllocPoint), totalAllocPoint);
    }
}
