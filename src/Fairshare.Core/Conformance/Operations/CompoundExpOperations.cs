namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>compound_exp</c> operations of defi-math.md.</summary>
public sealed class CompoundExpOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "compound_exp";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
