namespace Fairshare.Conformance;

/// <summary>A family of spec operations (one primitive of <c>defi-math.md</c> or <c>metrics.md</c>).</summary>
public interface IVectorOperations
{
    /// <summary>The primitive name, e.g. <c>uniswap_v2</c>.</summary>
    string Primitive { get; }

    /// <summary>Runs one operation; null when the operation is not known.</summary>
    VectorOutcome? Evaluate(VectorCase vector);
}
