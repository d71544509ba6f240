using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The outcome of <c>add_liquidity</c> (§6.5).</summary>
/// <param name="MintAmount">LP tokens minted to the depositor.</param>
/// <param name="Fees">Imbalance fee charged per coin (all zero for the first deposit).</param>
/// <param name="D1">The invariant after the deposit, before fees.</param>
/// <param name="Pool">The pool after the deposit (stored balances exclude admin fees; supply includes the mint).</param>
public sealed record StableSwapDeposit(BigInteger MintAmount, IReadOnlyList<BigInteger> Fees, BigInteger D1, StableSwapPool Pool);
