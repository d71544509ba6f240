namespace Fairshare.Conformance.Metrics;

/// <summary>A row of a <see cref="MarkdownTable"/> with its line number.</summary>
internal sealed record MarkdownRow(string[] Cells, int Line);
