using System.Numerics;

namespace Fairshare.Conformance.Reference;

/// <summary>The outcome of <c>updatePool</c> (<c>defi-math.md</c> §5): the pool after it, and the SUSHI minted.</summary>
/// <param name="Pool">The updated pool.</param>
/// <param name="SushiReward">SUSHI minted to the chef for the pool's stakers.</param>
/// <param name="DevReward">SUSHI minted to the dev fund (reward / 10).</param>
public readonly record struct PoolUpdate(ChefPool Pool, BigInteger SushiReward, BigInteger DevReward);
