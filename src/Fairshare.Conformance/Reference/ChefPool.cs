using System.Numerics;

namespace Fairshare.Conformance.Reference;

/// <summary>One MasterChef pool (<c>PoolInfo</c>, <c>defi-math.md</c> §5) with the chef's LP balance of it.</summary>
/// <param name="AllocPoint">The pool's share of the emission.</param>
/// <param name="LastRewardBlock">The block rewards were last accrued at.</param>
/// <param name="AccSushiPerShare">Accumulated SUSHI per LP token, scaled by 1e12.</param>
/// <param name="LpSupply">LP tokens held by the chef for this pool (the sum of deposits).</param>
public readonly record struct ChefPool(BigInteger AllocPoint, BigInteger LastRewardBlock, BigInteger AccSushiPerShare, BigInteger LpSupply);
