using System.Text.Json.Nodes;
using Fairshare.Analytics.Export;
using Fairshare.Analytics.Plots;
using Fairshare.Cli.Output;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Report;

/// <summary>How a report leaves the command: Spectre tables in the terminal, JSON with --json, CSV + Parquet + charts with --out.</summary>
public static class ReportWriter
{
    /// <summary>The most rows printed per table in the terminal (the exports hold every row).</summary>
    public const int MaxPrintedRows = 40;

    /// <summary>Tables with more columns than this are printed transposed (a row per column), a few rows at a time, to fit a terminal.</summary>
    private const int WideTable = 7;

    private const int TransposedRows = 3;

    /// <summary>
    /// Prints one table; numbers right-aligned and grouped, token amounts in whole tokens (their tokens twin column left
    /// out), doubles to 6 significant digits without E notation, long tables cut with a note.
    /// </summary>
    public static void Print(CliContext context, ReportTable table, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(table);
        var shown = Shown(table);
        if (shown.Length > WideTable)
        {
            PrintTransposed(context, table, shown, caption);
            return;
        }

        var output = new Table { Title = new TableTitle(Markup.Escape(caption ?? table.Name)) };
        foreach (int i in shown)
        {
            var c = new Spectre.Console.TableColumn(Markup.Escape(table.Columns[i].Name));
            if (table.Columns[i].Kind != ColumnKind.Text) c.RightAligned();
            output.AddColumn(c);
        }

        foreach (var row in table.Rows.Take(MaxPrintedRows)) output.AddRow([.. shown.Select(i => Markup.Escape(Show(table.Columns[i].Kind, row[i])))]);
        context.Console.Write(output);
        if (table.Rows.Count > MaxPrintedRows)
            context.Console.MarkupLine($"[grey]… {table.Rows.Count - MaxPrintedRows} more rows (all of them in {Markup.Escape(table.Name)}.csv with --out)[/]");
    }

    private static void PrintTransposed(CliContext context, ReportTable table, int[] shown, string? caption)
    {
        var rows = table.Rows.Take(MaxPrintedRows).ToList();
        for (int start = 0; start < rows.Count; start += TransposedRows)
        {
            var chunk = rows.Skip(start).Take(TransposedRows).ToList();
            var output = new Table { Title = new TableTitle(Markup.Escape(caption ?? table.Name)) }.AddColumn("");
            foreach (var _ in chunk) output.AddColumn(new Spectre.Console.TableColumn("").RightAligned());
            output.ShowHeaders = false;
            foreach (int c in shown)
                output.AddRow([Markup.Escape(table.Columns[c].Name), .. chunk.Select(r => Markup.Escape(Show(table.Columns[c].Kind, r[c])))]);
            context.Console.Write(output);
        }
    }

    /// <summary>
    /// A table as a JSON array of row objects (Exact as strings, so nothing is rounded). Keys are the columns' names in
    /// camelCase (<c>net_fsh</c> → <c>netFsh</c>), the casing of every key the CLI and the API write; the CSV and Parquet
    /// files keep the columns' own names.
    /// </summary>
    public static JsonArray ToJson(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new JsonArray();
        foreach (var row in table.Rows)
        {
            var obj = new JsonObject();
            for (int i = 0; i < table.Columns.Length; i++)
            {
                obj[JsonKeys.FromColumn(table.Columns[i].Name)] = row[i] switch
                {
                    null => null,
                    double d when !double.IsFinite(d) => null,
                    double d => JsonValue.Create(d),
                    long l => JsonValue.Create(l),
                    string s => JsonValue.Create(s),
                    TokenAmount t => JsonValue.Create(ReportTable.Format(table.Columns[i].Kind, t)),
                    var other => JsonValue.Create(other.ToString()),
                };
            }

            rows.Add(obj);
        }

        return rows;
    }

    /// <summary>Writes every table as CSV and Parquet into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Export(IEnumerable<ReportTable> tables, string directory)
    {
        var paths = new List<string>();
        foreach (var table in tables)
        {
            var (csv, parquet) = TableExport.WriteBothAsync(table, directory).GetAwaiter().GetResult();
            paths.Add(csv);
            paths.Add(parquet);
        }

        return paths;
    }

    /// <summary>The paths of the charts.</summary>
    public static IEnumerable<string> Paths(IEnumerable<ChartFiles> charts) => charts.SelectMany(c => new[] { c.Png, c.Svg });

    /// <summary>The columns a terminal shows: all but the tokens twins (their base-unit column is shown in tokens).</summary>
    private static int[] Shown(ReportTable table) =>
        [.. Enumerable.Range(0, table.Columns.Length).Where(i => table.Columns[i].Kind != ColumnKind.Tokens)];

    /// <summary>A cell for people: tokens and numbers grouped (<see cref="DecimalFormat"/>), doubles to 6 significant digits, never E notation.</summary>
    private static string Show(ColumnKind kind, object? cell) => cell switch
    {
        null => "undef.",
        double d => NumberText.Significant(d),
        long l => DecimalFormat.Grouped(l, 0),
        TokenAmount t => t.Grouped,
        string s when kind == ColumnKind.Exact => DecimalFormat.Group(s),
        string s => s,
        _ => throw new InvalidOperationException($"unexpected cell type {cell.GetType()}"),
    };
}
