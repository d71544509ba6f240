using System.Numerics;

namespace Fairshare.Core.Modules.Amm;

/// <summary>The outcome of a burn: tokens paid out, shares to the fee recipient, the new pair state.</summary>
public sealed record PairBurn(BigInteger Amount0, BigInteger Amount1, BigInteger FeeLiquidity, PairState Pair);
