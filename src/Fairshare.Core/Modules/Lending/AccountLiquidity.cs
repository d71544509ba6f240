using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// An account's liquidity (<c>defi-math.md</c> §3.12): excess collateral value over borrows, or the shortfall below them.
/// At most one of the two is non-zero; a positive <see cref="Shortfall"/> makes the account liquidatable.
/// </summary>
public readonly record struct AccountLiquidity(BigInteger Liquidity, BigInteger Shortfall);
