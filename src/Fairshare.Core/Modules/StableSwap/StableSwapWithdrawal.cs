using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The outcome of a balanced <c>remove_liquidity</c> (§6.5).</summary>
/// <param name="Amounts">Coins paid out, one per coin.</param>
/// <param name="Pool">The pool after the withdrawal and the burn.</param>
public sealed record StableSwapWithdrawal(IReadOnlyList<BigInteger> Amounts, StableSwapPool Pool);
