namespace Fairshare.Analytics.Export;

/// <summary>What a column of a <see cref="ReportTable"/> holds, and so how CSV and Parquet write it.</summary>
public enum ColumnKind : byte
{
    /// <summary>Free text.</summary>
    Text = 0,

    /// <summary>A 64-bit integer (heights, counts, run numbers).</summary>
    Integer = 1,

    /// <summary>
    /// An exact number kept as text so nothing is rounded (u256 does not fit a double): a decimal string, or a
    /// <see cref="TokenAmount"/> written as its base units (an integer). Files never hold money as a float.
    /// </summary>
    Exact = 2,

    /// <summary>A double (metrics, shares, seconds), written without E notation (<see cref="NumberText"/>).</summary>
    Real = 3,

    /// <summary>
    /// A <see cref="TokenAmount"/> written as exact whole tokens ("13.5"): the tokens column beside a base-unit column,
    /// for readers of the files. A terminal leaves it out, as it already shows the base-unit column in tokens.
    /// </summary>
    Tokens = 4,
}
