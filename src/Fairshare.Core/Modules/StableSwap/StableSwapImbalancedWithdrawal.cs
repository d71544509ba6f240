using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The outcome of <c>remove_liquidity_imbalance</c> (§6.5).</summary>
/// <param name="TokenAmount">LP tokens burnt (already including the extra 1 against the user).</param>
/// <param name="Fees">Imbalance fee charged per coin.</param>
/// <param name="D1">The invariant after the withdrawal, before fees.</param>
/// <param name="Pool">The pool after the withdrawal and the burn.</param>
public sealed record StableSwapImbalancedWithdrawal(BigInteger TokenAmount, IReadOnlyList<BigInteger> Fees, BigInteger D1, StableSwapPool Pool);
