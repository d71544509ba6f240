using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>The outcome of <c>Dog.bark</c> (defi-math.md §7.6).</summary>
/// <param name="Dart">Normalised debt taken from the vault, wad.</param>
/// <param name="Dink">Collateral taken from the vault, wad.</param>
/// <param name="Due">Debt sent to the vow: <c>dart · rate</c>, rad.</param>
/// <param name="Tab">DAI the auction must raise: <c>due · chop / 1e18</c>, rad.</param>
/// <param name="Urn">The vault after the liquidation.</param>
/// <param name="GlobalDirt">Global <c>Dirt</c> after the liquidation, rad.</param>
/// <param name="Dirt">The ilk's <c>dirt</c> after the liquidation, rad.</param>
public sealed record BarkResult(BigInteger Dart, BigInteger Dink, BigInteger Due, BigInteger Tab, MakerUrn Urn, BigInteger GlobalDirt, BigInteger Dirt);
