using System.Numerics;

namespace Fairshare.Core.Modules.Stability;

/// <summary>The liquidation-ratio test of a vault (defi-math.md §7.4).</summary>
/// <param name="Tab">Debt <c>art · rate</c>, rad.</param>
/// <param name="CollateralValue">Collateral value <c>ink · spot</c>, rad.</param>
/// <param name="Safe">True iff <c>Tab ≤ CollateralValue</c>.</param>
public sealed record UrnHealth(BigInteger Tab, BigInteger CollateralValue, bool Safe);
