using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Farming;

/// <summary>
/// The state transitions and views of Synthetix <c>StakingRewards</c> (<c>defi-math.md</c> §4, §4.1). Each transition runs
/// the contract's <c>updateReward</c> step first, then its checks in the contract's order; a failing check throws
/// <see cref="Math.RevertException"/> and, the state being immutable, changes nothing.
/// </summary>
public static class StakingRewards
{
    /// <summary><c>stake</c> of 0.</summary>
    public const string CannotStake0 = "CANNOT_STAKE_0";

    /// <summary><c>withdraw</c> of 0 (also <c>exit</c> with a zero balance).</summary>
    public const string CannotWithdraw0 = "CANNOT_WITHDRAW_0";

    /// <summary><c>setRewardsDuration</c> while a period is running.</summary>
    public const string PreviousPeriodNotComplete = "PREVIOUS_PERIOD_NOT_COMPLETE";

    /// <summary>The view <c>rewardPerToken()</c> at time <paramref name="now"/>.</summary>
    public static BigInteger RewardPerToken(StakingRewardsState state, BigInteger now) =>
        StakingRewardsMath.RewardPerToken(state.RewardPerTokenStored, state.LastUpdateTime, state.PeriodFinish, state.RewardRate, state.TotalSupply, now);

    /// <summary>The view <c>earned(account)</c> at time <paramref name="now"/>.</summary>
    public static BigInteger Earned(StakingRewardsState state, BigInteger now, int account)
    {
        var staker = state.Accounts[account];
        return StakingRewardsMath.Earned(staker.Balance, RewardPerToken(state, now), staker.UserRewardPerTokenPaid, staker.Rewards);
    }

    /// <summary>
    /// The <c>updateReward(account)</c> modifier: brings the accumulator forward to min(now, period_finish) and, for an
    /// account (<see langword="null"/> for none), settles its earned rewards at the new accumulator.
    /// </summary>
    public static StakingRewardsState UpdateReward(StakingRewardsState state, BigInteger now, int? account)
    {
        var updated = state with
        {
            RewardPerTokenStored = RewardPerToken(state, now),
            LastUpdateTime = StakingRewardsMath.LastTimeRewardApplicable(now, state.PeriodFinish),
        };
        if (account is not int index) return updated;
        var earned = Earned(updated, now, index);
        var staker = updated.Accounts[index] with { Rewards = earned, UserRewardPerTokenPaid = updated.RewardPerTokenStored };
        return updated with { Accounts = updated.Accounts.SetItem(index, staker) };
    }

    /// <summary>Reward tokens sent to the contract (a plain transfer, no update).</summary>
    public static StakingRewardsState Fund(StakingRewardsState state, BigInteger amount) =>
        state with { RewardTokenBalance = Add(state.RewardTokenBalance, amount) };

    /// <summary><c>stake(amount)</c>: reverts <c>CANNOT_STAKE_0</c> for 0.</summary>
    public static StakingRewardsState Stake(StakingRewardsState state, BigInteger now, int account, BigInteger amount)
    {
        state = UpdateReward(state, now, account);
        Require(amount > 0, CannotStake0);
        var totalSupply = Add(state.TotalSupply, amount);
        var staker = state.Accounts[account];
        staker = staker with { Balance = Add(staker.Balance, amount) };
        return state with { TotalSupply = totalSupply, Accounts = state.Accounts.SetItem(account, staker) };
    }

    /// <summary><c>withdraw(amount)</c>: reverts <c>CANNOT_WITHDRAW_0</c> for 0, <c>MATH_UNDERFLOW</c> beyond the balance.</summary>
    public static StakingRewardsState Withdraw(StakingRewardsState state, BigInteger now, int account, BigInteger amount)
    {
        state = UpdateReward(state, now, account);
        Require(amount > 0, CannotWithdraw0);
        var totalSupply = Sub(state.TotalSupply, amount);
        var staker = state.Accounts[account];
        staker = staker with { Balance = Sub(staker.Balance, amount) };
        return state with { TotalSupply = totalSupply, Accounts = state.Accounts.SetItem(account, staker) };
    }

    /// <summary><c>getReward()</c>: pays the account's settled rewards, if any, out of the reward-token balance.</summary>
    public static RewardClaim GetReward(StakingRewardsState state, BigInteger now, int account)
    {
        state = UpdateReward(state, now, account);
        var staker = state.Accounts[account];
        var reward = staker.Rewards;
        if (reward > 0)
        {
            var balance = Sub(state.RewardTokenBalance, reward);
            staker = staker with { Rewards = 0, RewardPaidOut = Add(staker.RewardPaidOut, reward) };
            state = state with { RewardTokenBalance = balance, Accounts = state.Accounts.SetItem(account, staker) };
        }

        return new RewardClaim(state, reward);
    }

    /// <summary><c>exit()</c>: <c>withdraw(balance)</c> then <c>getReward()</c>, atomically.</summary>
    public static RewardClaim Exit(StakingRewardsState state, BigInteger now, int account) =>
        GetReward(Withdraw(state, now, account, state.Accounts[account].Balance), now, account);

    /// <summary>
    /// <c>notifyRewardAmount(reward)</c>: updateReward(none), then §4's new rate against the current reward-token
    /// balance; the period restarts now.
    /// </summary>
    public static StakingRewardsState NotifyRewardAmount(StakingRewardsState state, BigInteger now, BigInteger reward)
    {
        state = UpdateReward(state, now, null);
        var schedule = StakingRewardsMath.NotifyRewardAmount(reward, now, state.PeriodFinish, state.RewardRate, state.RewardsDuration, state.RewardTokenBalance);
        return state with { RewardRate = schedule.RewardRate, LastUpdateTime = schedule.LastUpdateTime, PeriodFinish = schedule.PeriodFinish };
    }

    /// <summary><c>setRewardsDuration(duration)</c>: only once the current period is over.</summary>
    public static StakingRewardsState SetRewardsDuration(StakingRewardsState state, BigInteger now, BigInteger rewardsDuration)
    {
        Require(now > state.PeriodFinish, PreviousPeriodNotComplete);
        return state with { RewardsDuration = rewardsDuration };
    }
}
