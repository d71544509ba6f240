namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>governor_bravo</c> operations of defi-math.md.</summary>
public sealed class GovernorBravoOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "governor_bravo";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
