using System.Numerics;

namespace Fairshare.Conformance.Reference;

/// <summary>A MasterChef user record in one pool (<c>UserInfo</c>, <c>defi-math.md</c> §5).</summary>
/// <param name="Amount">LP tokens deposited.</param>
/// <param name="RewardDebt">amount × accSushiPerShare / 1e12 at the last deposit or withdrawal.</param>
public readonly record struct ChefUser(BigInteger Amount, BigInteger RewardDebt);
