using System.Numerics;

namespace Fairshare.Core.Modules.Farming;

/// <summary>The reward period set by <c>notifyRewardAmount</c> (<c>defi-math.md</c> §4): rate per second, start and end.</summary>
/// <param name="RewardRate">Reward tokens per second, truncated.</param>
/// <param name="LastUpdateTime">The notification time.</param>
/// <param name="PeriodFinish">The notification time plus the rewards duration.</param>
public readonly record struct RewardSchedule(BigInteger RewardRate, BigInteger LastUpdateTime, BigInteger PeriodFinish);
