using System.Numerics;

namespace Fairshare.Core.Modules.Farming;

/// <summary>One staker's record in a <see cref="StakingRewardsState"/> (<c>defi-math.md</c> §4).</summary>
/// <param name="Balance">Staked tokens.</param>
/// <param name="Rewards">Rewards earned and not yet paid (as of the last updateReward).</param>
/// <param name="UserRewardPerTokenPaid">The accumulator value the rewards were settled at.</param>
/// <param name="RewardPaidOut">All rewards ever paid to the account.</param>
public readonly record struct StakerAccount(BigInteger Balance, BigInteger Rewards, BigInteger UserRewardPerTokenPaid, BigInteger RewardPaidOut);
