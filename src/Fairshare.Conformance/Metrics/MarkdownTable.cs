namespace Fairshare.Conformance.Metrics;

/// <summary>A markdown table: its header cells and line, and its rows.</summary>
internal sealed record MarkdownTable(string[] Header, int HeaderLine, IReadOnlyList<MarkdownRow> Rows);
