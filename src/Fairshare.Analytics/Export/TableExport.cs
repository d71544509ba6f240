using System.Text;
using Parquet;
using Parquet.Schema;

namespace Fairshare.Analytics.Export;

/// <summary>Writes a <see cref="ReportTable"/> as CSV (RFC 4180) or Parquet (Parquet.Net; one row group).</summary>
public static class TableExport
{
    /// <summary>Writes <c>DIR/NAME.csv</c> and <c>DIR/NAME.parquet</c>; returns both paths.</summary>
    public static async Task<(string Csv, string Parquet)> WriteBothAsync(ReportTable table, string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        string csv = Path.Combine(directory, table.Name + ".csv");
        string parquet = Path.Combine(directory, table.Name + ".parquet");
        WriteCsv(table, csv);
        await WriteParquetAsync(table, parquet, ct).ConfigureAwait(false);
        return (csv, parquet);
    }

    /// <summary>Writes the table as CSV with a header row; fields with commas, quotes or line breaks are quoted.</summary>
    public static void WriteCsv(ReportTable table, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', table.Columns.Select(c => Quote(c.Name))));
        foreach (var row in table.Rows) writer.WriteLine(string.Join(',', row.Select((c, i) => Quote(ReportTable.Format(table.Columns[i].Kind, c)))));
    }

    /// <summary>Writes the table as Parquet: Text, Exact and Tokens columns as strings (money exact, never a float), Integer as int64, Real as double (all nullable).</summary>
    public static async Task WriteParquetAsync(ReportTable table, string path, CancellationToken ct = default)
    {
        var fields = table.Columns.Select(ToField).ToArray();
        var schema = new ParquetSchema(fields);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                using var group = writer.CreateRowGroup();
                for (int i = 0; i < table.Columns.Length; i++) await WriteColumnAsync(group, fields[i], table, i, ct).ConfigureAwait(false);
            }
        }
    }

    private static Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, ReportTable table, int index, CancellationToken ct) =>
        table.Columns[index].Kind switch
        {
            ColumnKind.Integer => group.WriteAsync<long>(field, table.Rows.Select(r => (long?)r[index]).ToArray().AsMemory(), null, null, ct),
            ColumnKind.Real => group.WriteAsync<double>(field, table.Rows.Select(r => (double?)r[index]).ToArray().AsMemory(), null, null, ct),
            _ => group.WriteAsync(field, table.Rows.Select(r => ReportTable.Format(table.Columns[index].Kind, r[index])).ToArray(), null),
        };

    private static DataField ToField(TableColumn column) => column.Kind switch
    {
        ColumnKind.Integer => new DataField<long?>(column.Name),
        ColumnKind.Real => new DataField<double?>(column.Name),
        _ => new DataField<string>(column.Name),
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
