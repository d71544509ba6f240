namespace Fairshare.Analytics.Export;

/// <summary>What a column of a <see cref="ReportTable"/> holds, and so how CSV and Parquet write it.</summary>
public enum ColumnKind : byte
{
    /// <summary>Free text.</summary>
    Text = 0,

    /// <summary>A 64-bit integer (heights, counts, run numbers).</summary>
    Integer = 1,

    /// <summary>An exact decimal or base-unit amount, kept as its text so nothing is rounded (u256 does not fit a double).</summary>
    Exact = 2,

    /// <summary>A double (metrics, shares, seconds).</summary>
    Real = 3,
}
