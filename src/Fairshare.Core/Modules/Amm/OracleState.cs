using System.Numerics;

namespace Fairshare.Core.Modules.Amm;

/// <summary>A pair's price accumulators (UQ112x112 × seconds, wrapping) and the last timestamp (mod 2^32).</summary>
public sealed record OracleState(BigInteger Price0CumulativeLast, BigInteger Price1CumulativeLast, BigInteger BlockTimestampLast, BigInteger TimeElapsed);
