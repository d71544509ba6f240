using System.Numerics;
using Fairshare.Conformance.Reference;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Modules.Math;

namespace Fairshare.Core.Tests.Modules;

public sealed class FarmingMathTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    [Fact]
    public void StakingRewards_RolloverAfterTheDuration_EarnsExactlyTwiceTheFirstPeriod()
    {
        // synthetix test/contracts/StakingRewards.js 'rewards token balance should rollover after DURATION' (spec §9).
        var state = StakingRewardsState.Initial(1, StakingRewardsMath.DefaultRewardsDuration);
        state = StakingRewards.Stake(state, 1000, 0, 100 * E18);
        state = StakingRewards.Fund(state, 5000 * E18);
        state = StakingRewards.NotifyRewardAmount(state, 1002, 5000 * E18);
        Assert.Equal(BigInteger.Parse("8267195767195767"), state.RewardRate);
        var first = StakingRewards.Earned(state, 605_803, 0);
        Assert.Equal(BigInteger.Parse("4999999999999999881600"), first);

        state = StakingRewards.Fund(state, 5000 * E18);
        state = StakingRewards.NotifyRewardAmount(state, 605_808, 5000 * E18);
        Assert.Equal(2 * first, StakingRewards.Earned(state, 1_210_611, 0));

        var exit = StakingRewards.Exit(state, 1_210_612, 0);
        Assert.Equal(2 * first, exit.Paid);
        Assert.Equal(0, exit.State.TotalSupply);
        Assert.Equal(10_000 * E18 - 2 * first, exit.State.RewardTokenBalance);
    }

    [Fact]
    public void StakingRewards_Reverts_WithTheSpecNames()
    {
        var state = StakingRewards.Fund(StakingRewardsState.Initial(1, 604_800), 1000 * E18);
        state = StakingRewards.NotifyRewardAmount(state, 11, 1000 * E18);
        state = StakingRewards.Fund(state, 1000 * E18);
        // The leftover of the running period plus the new reward is more than the balance covers.
        Assert.Equal(StakingRewardsMath.ProvidedRewardTooHigh,
            Assert.Throws<RevertException>(() => StakingRewards.NotifyRewardAmount(state, 13, 1000 * E18 + 100 * E18 / 1000)).Error);
        Assert.Equal(StakingRewards.CannotStake0, Assert.Throws<RevertException>(() => StakingRewards.Stake(state, 14, 0, 0)).Error);
        Assert.Equal(StakingRewards.CannotWithdraw0, Assert.Throws<RevertException>(() => StakingRewards.Exit(state, 14, 0)).Error);
        Assert.Equal(StakingRewards.PreviousPeriodNotComplete,
            Assert.Throws<RevertException>(() => StakingRewards.SetRewardsDuration(state, 604_811, 1)).Error);
        Assert.Equal(7, StakingRewards.SetRewardsDuration(state, 604_812, 7).RewardsDuration);
    }

    [Fact]
    public void StakingRewards_PerTokenAccumulator_TruncatesAndEarnedAddsStoredRewards()
    {
        // 1 second × 1e6 / 1e18 per token, against a supply of ~5.2e33, truncates to nothing.
        Assert.Equal(0, StakingRewardsMath.RewardPerToken(0, 100, 200, 1_000_000, BigInteger.Parse("5192296858534827628530496329220095"), 101));
        Assert.Equal(3 * E18 / 2 + 7, StakingRewardsMath.Earned(3 * E18, 2 * E18, 3 * E18 / 2, 7));
    }

    [Theory]
    [InlineData(424_889, 424_929, 424_939, 400)] // before the bonus end: ×10
    [InlineData(424_932, 424_952, 424_939, 83)]  // across it: 7 × 10 + 13
    [InlineData(424_939, 425_038, 424_939, 99)]  // after it
    public void MasterChef_Multiplier_CountsBonusBlocksTenTimes(long from, long to, long bonusEnd, long expected) =>
        Assert.Equal(expected, MasterChefMath.GetMultiplier(from, to, bonusEnd));

    [Fact]
    public void MasterChef_DistributesToEachStaker_AsTheUpstreamTest()
    {
        // sushiswap test/MasterChef.test.js 'should distribute SUSHIs properly for each staker' (spec §9).
        var state = MasterChefState.Initial(new MasterChefConfig(100, 300, 1000), 3);
        state = MasterChef.AddPool(state, 10, 100, withUpdate: true);
        state = MasterChef.Deposit(state, 310, 0, 0, 10).State;
        state = MasterChef.Deposit(state, 314, 0, 1, 20).State;
        state = MasterChef.Deposit(state, 318, 0, 2, 30).State;
        var payout = MasterChef.Deposit(state, 320, 0, 0, 10);
        Assert.Equal(5666, payout.Amount);
        state = MasterChef.Withdraw(payout.State, 330, 0, 1, 5).State;
        state = MasterChef.Withdraw(state, 340, 0, 0, 20).State;
        state = MasterChef.Withdraw(state, 350, 0, 1, 15).State;
        state = MasterChef.Withdraw(state, 360, 0, 2, 30).State;
        Assert.Equal([11600, 11831, 26568], state.SushiBalances.Select(b => (long)b));
        Assert.Equal(5000, state.SushiDev);
        Assert.Equal(55000, state.SushiTotalSupply);
        Assert.Equal(1, state.SushiChef); // safeSushiTransfer's rounding dust
    }

    [Fact]
    public void MasterChef_Reverts_WithTheSpecNames()
    {
        var state = MasterChefState.Initial(new MasterChefConfig(100, 0, 0), 1);
        state = MasterChef.AddPool(state, 1, 1, withUpdate: false);
        state = MasterChef.Deposit(state, 2, 0, 0, 10).State;
        // The amount check comes before updatePool.
        Assert.Equal(MasterChef.WithdrawNotGood, Assert.Throws<RevertException>(() => MasterChef.Withdraw(state, 5, 0, 0, 11)).Error);
        state = MasterChef.SetPool(state, 3, 0, 0, withUpdate: false);
        Assert.Equal(Checked.DivisionByZero, Assert.Throws<RevertException>(() => MasterChef.UpdatePool(state, 4, 0)).Error);
        var emergency = MasterChef.EmergencyWithdraw(state, 0, 0);
        Assert.Equal(10, emergency.Amount);
        Assert.Equal(0, emergency.State.Pools[0].LpSupply);
    }
}
