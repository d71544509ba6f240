using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>The outcome of <c>Vat.frob</c> (defi-math.md §7.5).</summary>
/// <param name="Urn">The vault after the change.</param>
/// <param name="IlkArt">The ilk's total normalised debt after the change, wad.</param>
/// <param name="Debt">Global debt after the change, rad.</param>
/// <param name="Tab">The vault's debt <c>rate · art'</c>, rad.</param>
/// <param name="Dtab">The DAI drawn (positive) or repaid (negative): <c>rate · dart</c> (int256), rad.</param>
public sealed record FrobResult(MakerUrn Urn, BigInteger IlkArt, BigInteger Debt, BigInteger Tab, BigInteger Dtab);
