using System.Numerics;

namespace Fairshare.Core.Modules.Amm;

/// <summary>A Uniswap V2 pair's reserves (uint112), LP supply and last k (for the protocol fee).</summary>
public sealed record PairState(BigInteger Reserve0, BigInteger Reserve1, BigInteger TotalSupply, BigInteger KLast);
