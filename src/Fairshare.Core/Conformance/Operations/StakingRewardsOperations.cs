namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>staking_rewards</c> operations of defi-math.md.</summary>
public sealed class StakingRewardsOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "staking_rewards";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
