namespace Fairshare.Core.Conformance.Operations;

/// <summary>The <c>curve_stableswap</c> operations of defi-math.md.</summary>
public sealed class CurveStableSwapOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "curve_stableswap";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>();
}
