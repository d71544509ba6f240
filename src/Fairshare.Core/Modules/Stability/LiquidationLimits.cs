using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>The Dog's liquidation parameters and running totals for one ilk (defi-math.md §7.6).</summary>
/// <param name="Chop">Liquidation penalty, wad (1.1e18 = 10%).</param>
/// <param name="GlobalHole">Global cap on DAI needed to cover debt + penalty of active auctions (<c>Hole</c>), rad.</param>
/// <param name="GlobalDirt">DAI currently needed by active auctions (<c>Dirt</c>), rad.</param>
/// <param name="Hole">Per-ilk cap (<c>ilk.hole</c>), rad.</param>
/// <param name="Dirt">Per-ilk amount in auctions (<c>ilk.dirt</c>), rad.</param>
public sealed record LiquidationLimits(BigInteger Chop, BigInteger GlobalHole, BigInteger GlobalDirt, BigInteger Hole, BigInteger Dirt);
