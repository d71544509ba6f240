using System.Globalization;
using System.Numerics;
using Fairshare.Analytics.Concentration;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Export;

/// <summary>
/// A token amount in a <see cref="ReportTable"/> cell: exact base units and the token's decimals. Files and JSON hold the
/// base units (an <see cref="ColumnKind.Exact"/> column) or the whole tokens as exact decimal text (a
/// <see cref="ColumnKind.Tokens"/> column); never a float. People see whole tokens, grouped.
/// </summary>
/// <param name="BaseUnits">The amount in base units (may be negative: a net flow, a loss).</param>
/// <param name="Decimals">How many decimals the token has (18 for FSH and USDF): 10^Decimals base units make one token.</param>
public readonly record struct TokenAmount(BigInteger BaseUnits, int Decimals)
{
    /// <summary>Whole tokens, exact, no grouping: "1000000000", "-0.5".</summary>
    public string Tokens => DecimalFormat.Plain(BaseUnits, Decimals);

    /// <summary>Whole tokens, exact, grouped for people: "1,000,000,000", "-0.5".</summary>
    public string Grouped => DecimalFormat.Grouped(BaseUnits, Decimals);

    /// <summary>Whole tokens as the nearest double (for charts and means; never written to a file as money).</summary>
    public double ToDouble() => new Fraction(BaseUnits, BigInteger.Pow(10, Decimals)).ToDouble();

    /// <summary>The base units as integer text.</summary>
    public override string ToString() => BaseUnits.ToString(CultureInfo.InvariantCulture);
}
