using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The outcome of an exchange (§6.4): coin j paid out, the admin's share of the fee in coin j's units, the new pool.</summary>
/// <param name="Dy">Amount of coin j the trader receives.</param>
/// <param name="AdminFee">Admin fee taken out of the pool's coin j balance.</param>
/// <param name="Pool">The pool after the trade.</param>
public sealed record StableSwapExchange(BigInteger Dy, BigInteger AdminFee, StableSwapPool Pool);
