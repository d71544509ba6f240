using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>The scale of staking's reward-per-share accumulator; the products and quotients are <c>Checked.MulDiv</c>.</summary>
internal static class StakeMath
{
    /// <summary>The scale of the reward-per-share accumulator (1e18).</summary>
    public static readonly Amount RewardScale = Units.OneFsh;
}
