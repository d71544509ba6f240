using System.Numerics;

namespace Fairshare.Conformance.Reference;

/// <summary>
/// The outcome of a MasterChef user action (<c>defi-math.md</c> §5.1): the new state and the amount handed out, SUSHI
/// for <c>deposit</c>/<c>withdraw</c>, LP tokens for <c>emergencyWithdraw</c>.
/// </summary>
public sealed record ChefPayout(MasterChefState State, BigInteger Amount);
