using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Farming;

/// <summary>
/// The formulas of Synthetix <c>StakingRewards</c> (<c>defi-math.md</c> §4), with SafeMath's checked uint256 arithmetic
/// in the contract's evaluation order. Every division truncates, in favour of the contract.
/// </summary>
public static class StakingRewardsMath
{
    /// <summary>The contract's default <c>rewardsDuration</c>: 7 days in seconds.</summary>
    public static readonly BigInteger DefaultRewardsDuration = 604_800;

    /// <summary>§4 <c>PROVIDED_REWARD_TOO_HIGH</c>: the notified rate is not covered by the reward-token balance.</summary>
    public const string ProvidedRewardTooHigh = "PROVIDED_REWARD_TOO_HIGH";

    /// <summary>§4 lastTimeRewardApplicable: min(now, period_finish).</summary>
    public static BigInteger LastTimeRewardApplicable(BigInteger now, BigInteger periodFinish) => BigInteger.Min(now, periodFinish);

    /// <summary>
    /// §4 rewardPerToken: the stored accumulator when nothing is staked, otherwise
    /// stored + (min(now, period_finish) − last_update_time) × reward_rate × 1e18 / total_supply.
    /// </summary>
    public static BigInteger RewardPerToken(BigInteger rewardPerTokenStored, BigInteger lastUpdateTime, BigInteger periodFinish,
        BigInteger rewardRate, BigInteger totalSupply, BigInteger now)
    {
        if (totalSupply.IsZero) return rewardPerTokenStored;
        var elapsed = Sub(LastTimeRewardApplicable(now, periodFinish), lastUpdateTime);
        return Add(rewardPerTokenStored, Div(Mul(Mul(elapsed, rewardRate), Wad), totalSupply));
    }

    /// <summary>§4 earned: balance × (reward_per_token − user_reward_per_token_paid) / 1e18 + rewards.</summary>
    public static BigInteger Earned(BigInteger balance, BigInteger rewardPerToken, BigInteger userRewardPerTokenPaid, BigInteger rewards) =>
        Add(Div(Mul(balance, Sub(rewardPerToken, userRewardPerTokenPaid)), Wad), rewards);

    /// <summary>
    /// §4 notifyRewardAmount (after the account-less updateReward step): the new rate, spreading the reward plus what is
    /// left of a running period over <paramref name="rewardsDuration"/>; reverts <c>PROVIDED_REWARD_TOO_HIGH</c> when
    /// the rate exceeds reward_token_balance / rewards_duration. The period restarts at <paramref name="now"/>.
    /// </summary>
    public static RewardSchedule NotifyRewardAmount(BigInteger reward, BigInteger now, BigInteger periodFinish, BigInteger rewardRate,
        BigInteger rewardsDuration, BigInteger rewardTokenBalance)
    {
        BigInteger rate;
        if (now >= periodFinish)
        {
            rate = Div(reward, rewardsDuration);
        }
        else
        {
            var leftover = Mul(Sub(periodFinish, now), rewardRate);
            rate = Div(Add(reward, leftover), rewardsDuration);
        }

        Require(rate <= Div(rewardTokenBalance, rewardsDuration), ProvidedRewardTooHigh);
        return new RewardSchedule(rate, now, Add(now, rewardsDuration));
    }
}
