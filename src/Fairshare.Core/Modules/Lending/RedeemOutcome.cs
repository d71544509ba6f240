using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>The outcome of a redeem (<c>defi-math.md</c> §3.8): cTokens burnt and underlying paid out.</summary>
public readonly record struct RedeemOutcome(BigInteger RedeemTokens, BigInteger RedeemAmount);
