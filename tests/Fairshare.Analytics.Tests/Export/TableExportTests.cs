using System.Numerics;
using Fairshare.Analytics.Export;
using Parquet;

namespace Fairshare.Analytics.Tests.Export;

/// <summary>CSV quoting (RFC 4180) and a Parquet round trip read back with Parquet.Net's reader.</summary>
public sealed class TableExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fairshare-export-").FullName;

    [Fact]
    public void Csv_QuotesCommasQuotesAndLineBreaks_AndLeavesPlainFieldsAlone()
    {
        var table = Sample();
        string path = Path.Combine(_dir, "t.csv");
        TableExport.WriteCsv(table, path);
        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal("label,amount,count,share", lines[0]);
        Assert.Equal("plain,123456789012345678901234567890,7,0.25", lines[1]);
        Assert.Equal("\"a, b\",1,,", lines[2]);
        Assert.Equal("\"say \"\"hi\"\"\",2,-3,1E-30", lines[3]);
        Assert.Equal("\"two", lines[4]);
        Assert.Equal("lines\",3,0,", lines[5]);
    }

    [Fact]
    public async Task Parquet_RoundTrips_EveryColumnKind()
    {
        var table = Sample();
        var (_, path) = await TableExport.WriteBothAsync(table, _dir);
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["label", "amount", "count", "share"], fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        var labels = new string?[4];
        var amounts = new string?[4];
        var counts = new long?[4];
        var shares = new double?[4];
        await group.ReadAsync(fields[0], labels.AsMemory());
        await group.ReadAsync(fields[1], amounts.AsMemory());
        await group.ReadAsync(fields[2], counts.AsMemory());
        await group.ReadAsync(fields[3], shares.AsMemory());
        Assert.Equal(new string?[] { "plain", "a, b", "say \"hi\"", "two\nlines" }, labels.AsEnumerable());
        Assert.Equal(new string?[] { "123456789012345678901234567890", "1", "2", "3" }, amounts.AsEnumerable());
        Assert.Equal(new long?[] { 7, null, -3, 0 }, counts);
        Assert.Equal(new double?[] { 0.25, null, 1e-30, null }, shares);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ReportTable Sample() =>
        new ReportTable("t", [new("label", ColumnKind.Text), new("amount", ColumnKind.Exact), new("count", ColumnKind.Integer), new("share", ColumnKind.Real)])
            .AddRow("plain", BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), 7L, 0.25)
            .AddRow("a, b", "1", null, null)
            .AddRow("say \"hi\"", "2", -3, 1e-30)
            .AddRow("two\nlines", "3", 0, null);
}
