namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>compound_v2</c> operations of defi-math.md.</summary>
public sealed class CompoundV2Operations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "compound_v2";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
