using System.Numerics;

namespace Fairshare.Core.Modules.Farming;

/// <summary>The outcome of <c>getReward</c> or <c>exit</c> (<c>defi-math.md</c> §4.1): the new state and the reward paid.</summary>
public sealed record RewardClaim(StakingRewardsState State, BigInteger Paid);
