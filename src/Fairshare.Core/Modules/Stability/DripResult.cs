using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>The outcome of <c>Jug.drip</c> + <c>Vat.fold</c> (defi-math.md §7.2).</summary>
/// <param name="Rate">The new rate accumulator, ray.</param>
/// <param name="RateDelta">New rate minus old rate (int256, may be negative), ray.</param>
/// <param name="DaiMinted">Fees credited to the vow: <c>art_total · RateDelta</c> (int256), rad.</param>
public sealed record DripResult(BigInteger Rate, BigInteger RateDelta, BigInteger DaiMinted);
