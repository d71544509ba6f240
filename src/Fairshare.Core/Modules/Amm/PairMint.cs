using System.Numerics;

namespace Fairshare.Core.Modules.Amm;

/// <summary>The outcome of a mint: LP shares to the provider, shares to the fee recipient, the new pair state.</summary>
public sealed record PairMint(BigInteger Liquidity, BigInteger FeeLiquidity, PairState Pair);
