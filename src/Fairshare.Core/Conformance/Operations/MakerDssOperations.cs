namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>maker_dss</c> operations of defi-math.md.</summary>
public sealed class MakerDssOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "maker_dss";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
