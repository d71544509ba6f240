namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>masterchef</c> operations of defi-math.md.</summary>
public sealed class MasterChefOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "masterchef";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
