using System.Collections.Immutable;
using System.Numerics;

namespace Fairshare.Core.Modules.Farming;

/// <summary>
/// The storage of one Synthetix <c>StakingRewards</c> contract (<c>defi-math.md</c> §4), plus its reward-token balance
/// and, per account, the rewards paid out. Immutable: every transition in <see cref="StakingRewards"/> returns a new state,
/// so a revert leaves the old one untouched.
/// </summary>
/// <param name="RewardRate">Reward tokens per second of the current period.</param>
/// <param name="PeriodFinish">End of the current period (0 before the first notification).</param>
/// <param name="LastUpdateTime">When the accumulator was last brought forward.</param>
/// <param name="RewardPerTokenStored">The reward-per-token accumulator (1e18 scale).</param>
/// <param name="TotalSupply">All staked tokens.</param>
/// <param name="RewardsDuration">Length of a reward period in seconds.</param>
/// <param name="RewardTokenBalance">The contract's reward-token balance.</param>
/// <param name="Accounts">The stakers, by index.</param>
public sealed record StakingRewardsState(
    BigInteger RewardRate,
    BigInteger PeriodFinish,
    BigInteger LastUpdateTime,
    BigInteger RewardPerTokenStored,
    BigInteger TotalSupply,
    BigInteger RewardsDuration,
    BigInteger RewardTokenBalance,
    ImmutableArray<StakerAccount> Accounts)
{
    /// <summary>A freshly deployed contract with <paramref name="accounts"/> empty stakers.</summary>
    public static StakingRewardsState Initial(int accounts, BigInteger rewardsDuration) =>
        new(0, 0, 0, 0, 0, rewardsDuration, 0, ImmutableArray.CreateRange(Enumerable.Repeat(default(StakerAccount), accounts)));
}
