using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>A Maker vault (<c>Vat.urns</c>, defi-math.md §7): locked collateral and normalised debt.</summary>
/// <param name="Ink">Locked collateral, wad.</param>
/// <param name="Art">Normalised debt, wad; the debt in DAI is <c>Art · rate</c> (rad).</param>
public sealed record MakerUrn(BigInteger Ink, BigInteger Art);
