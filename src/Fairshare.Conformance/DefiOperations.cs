namespace Fairshare.Conformance;

/// <summary>Every operation family of <c>defi-math.md</c> that <c>fairshare conformance</c> evaluates.</summary>
public static class DefiOperations
{
    /// <summary>All families.</summary>
    public static IReadOnlyList<IVectorOperations> All { get; } =
    [
        new Operations.UniswapV2Operations(),
        new Operations.CompoundExpOperations(),
        new Operations.CompoundV2Operations(),
        new Operations.CurveStableSwapOperations(),
        new Operations.MakerDssOperations(),
        new Operations.StakingRewardsOperations(),
        new Operations.MasterChefOperations(),
        new Operations.GovernorBravoOperations(),
    ];
}
