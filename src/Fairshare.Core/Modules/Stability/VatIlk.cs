using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>A Maker collateral type as <c>Vat.frob</c> sees it (defi-math.md §7.5).</summary>
/// <param name="Art">Total normalised debt of the ilk, wad.</param>
/// <param name="Rate">Rate accumulator, ray; zero means the ilk is not initialised.</param>
/// <param name="Spot">Collateral price with the liquidation ratio applied, ray.</param>
/// <param name="Line">Ilk debt ceiling, rad.</param>
/// <param name="Dust">Minimum debt of a vault that has any, rad.</param>
public sealed record VatIlk(BigInteger Art, BigInteger Rate, BigInteger Spot, BigInteger Line, BigInteger Dust);
