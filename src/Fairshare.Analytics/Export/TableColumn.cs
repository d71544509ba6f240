namespace Fairshare.Analytics.Export;

/// <summary>A named, typed column of a <see cref="ReportTable"/>.</summary>
/// <param name="Name">The header, in snake_case (it becomes the CSV header and the Parquet field name).</param>
/// <param name="Kind">What the column holds.</param>
public sealed record TableColumn(string Name, ColumnKind Kind);
