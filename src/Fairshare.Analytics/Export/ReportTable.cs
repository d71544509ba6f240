using System.Collections.Immutable;
using System.Globalization;

namespace Fairshare.Analytics.Export;

/// <summary>
/// A rectangular table of report data with typed columns: what <see cref="TableExport"/> writes as CSV and Parquet and
/// what the CLI prints. Cells are checked against their column's kind when added, so a bad row is a bug at its source.
/// </summary>
public sealed class ReportTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table.</summary>
    public ReportTable(string name, IEnumerable<TableColumn> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Columns = [.. columns];
        if (Columns.IsEmpty) throw new ArgumentException("a table needs at least one column", nameof(columns));
    }

    /// <summary>The table's name (the file name of its exports, without extension).</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public ImmutableArray<TableColumn> Columns { get; }

    /// <summary>The rows; each cell is a string (Text, Exact), a <see cref="TokenAmount"/> (Exact, Tokens), a long (Integer), a double (Real) or null.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Adds a row: one cell per column, of the column's kind (int and ulong are taken for Integer; null is empty).</summary>
    public ReportTable AddRow(params object?[] cells)
    {
        if (cells.Length != Columns.Length) throw new ArgumentException($"{Name}: a row needs {Columns.Length} cells, got {cells.Length}", nameof(cells));
        var row = new object?[cells.Length];
        for (int i = 0; i < cells.Length; i++) row[i] = Normalize(Columns[i], cells[i]);
        _rows.Add(row);
        return this;
    }

    /// <summary>
    /// A cell as a file writes it: invariant culture, doubles round-trippable and never in E notation
    /// (<see cref="NumberText.Plain"/>), a <see cref="TokenAmount"/> as its base units (or, in a
    /// <see cref="ColumnKind.Tokens"/> column, as exact whole tokens), null as the empty string.
    /// </summary>
    public static string Format(ColumnKind kind, object? cell) => cell switch
    {
        null => "",
        double d => NumberText.Plain(d),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => s,
        TokenAmount t => kind == ColumnKind.Tokens ? t.Tokens : t.ToString(),
        _ => throw new InvalidOperationException($"unexpected cell type {cell.GetType()}"),
    };

    private object? Normalize(TableColumn column, object? cell) => (column.Kind, cell) switch
    {
        (_, null) => null,
        (ColumnKind.Text or ColumnKind.Exact, string s) => s,
        (ColumnKind.Exact, System.Numerics.BigInteger b) => b.ToString(CultureInfo.InvariantCulture),
        (ColumnKind.Exact, double d) => double.IsNaN(d) ? null : NumberText.Plain(d),
        (ColumnKind.Exact or ColumnKind.Tokens, TokenAmount t) => t,
        (ColumnKind.Integer, long l) => l,
        (ColumnKind.Integer, int i) => (long)i,
        (ColumnKind.Integer, ulong u) when u <= long.MaxValue => (long)u,
        (ColumnKind.Real, double d) => d,
        (ColumnKind.Real, int i) => (double)i,
        (ColumnKind.Real, long l) => (double)l,
        _ => throw new ArgumentException($"{Name}.{column.Name}: a {column.Kind} column cannot hold {cell.GetType().Name} '{cell}'"),
    };
}
