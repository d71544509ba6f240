using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The outcome of <c>remove_liquidity_one_coin</c> (§6.5).</summary>
/// <param name="Dy">Amount of coin i paid out.</param>
/// <param name="DyFee">The imbalance fee in coin i's units (its admin share leaves the pool's balance too).</param>
/// <param name="Pool">The pool after the withdrawal and the burn.</param>
public sealed record StableSwapOneCoinWithdrawal(BigInteger Dy, BigInteger DyFee, StableSwapPool Pool);
