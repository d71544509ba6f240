using System.Numerics;

namespace Fairshare.Conformance.Reference;

/// <summary>MasterChef's constructor parameters (<c>defi-math.md</c> §5.1).</summary>
/// <param name="SushiPerBlock">SUSHI emitted per block across all pools (before the bonus multiplier).</param>
/// <param name="StartBlock">No pool accrues before this block.</param>
/// <param name="BonusEndBlock">Blocks before this one count <see cref="MasterChefMath.BonusMultiplier"/> times.</param>
public readonly record struct MasterChefConfig(BigInteger SushiPerBlock, BigInteger StartBlock, BigInteger BonusEndBlock);
