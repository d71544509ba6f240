using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The result of <c>calc_withdraw_one_coin</c> (§6.5), in coin i's units.</summary>
/// <param name="Dy">Amount of coin i paid out for the LP tokens.</param>
/// <param name="DyFee">What the imbalance fee cost: the fee-free amount minus <paramref name="Dy"/>.</param>
public readonly record struct OneCoinQuote(BigInteger Dy, BigInteger DyFee);
