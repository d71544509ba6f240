using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// How seized collateral cTokens are shared (<c>defi-math.md</c> §3.11): the protocol's cTokens (burnt from supply), the
/// liquidator's cTokens, and the protocol share's underlying value (added to total reserves).
/// </summary>
public readonly record struct SeizeSplit(BigInteger ProtocolSeizeTokens, BigInteger LiquidatorSeizeTokens, BigInteger ProtocolSeizeAmount);
