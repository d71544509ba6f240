using Fairshare.Core.Modules.Lending;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>compound_exp</c> operations of defi-math.md §2.</summary>
public sealed class CompoundExpOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "compound_exp";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["mul_exp"] = v => Result(CompoundExp.MulExp(v.Uint("a"), v.Uint("b"))),
            ["div_exp"] = v => Result(CompoundExp.DivExp(v.Uint("a"), v.Uint("b"))),
            ["mul_scalar_truncate"] = v => Result(CompoundExp.MulScalarTruncate(v.Uint("a"), v.Uint("scalar"))),
            ["mul_scalar_truncate_add_uint"] = v => Result(CompoundExp.MulScalarTruncateAddUInt(v.Uint("a"), v.Uint("scalar"), v.Uint("addend"))),
            ["div_scalar_by_exp"] = v => Result(CompoundExp.DivScalarByExp(v.Uint("scalar"), v.Uint("a"))),
            ["fraction"] = v => Result(CompoundExp.Fraction(v.Uint("a"), v.Uint("b"))),
            ["mul_double"] = v => Result(CompoundExp.MulDouble(v.Uint("a"), v.Uint("b"))),
        };

    private static KeyValuePair<string, string>[] Result(System.Numerics.BigInteger value) => [new("result", Out(value))];
}
