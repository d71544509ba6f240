using System.Numerics;

namespace Fairshare.Core.Modules.Amm;

/// <summary>The outcome of a swap: the inputs the pair saw and its new reserves.</summary>
public sealed record PairSwap(BigInteger Amount0In, BigInteger Amount1In, BigInteger Reserve0, BigInteger Reserve1);
