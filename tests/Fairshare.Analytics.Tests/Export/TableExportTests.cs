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
        Assert.Equal("\"say \"\"hi\"\"\",2,-3,0.000000000000000000000000000001", lines[3]);
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

    [Fact]
    public void Money_IsWrittenAsExactBaseUnits_WithItsTokensColumn_AndDoublesNeverInENotation()
    {
        var table = new ReportTable("m", [new("amount", ColumnKind.Exact), new("tokens", ColumnKind.Tokens), new("share", ColumnKind.Real)])
            .AddRow(new TokenAmount(BigInteger.Parse("1000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture), 18),
                new TokenAmount(BigInteger.Parse("1000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture), 18), 5e-05)
            .AddRow(new TokenAmount(-22_000_000_000_000, 18), new TokenAmount(-22_000_000_000_000, 18), 3.5355339059327376E+16);
        string path = Path.Combine(_dir, "m.csv");
        TableExport.WriteCsv(table, path);

        Assert.Equal(["amount,tokens,share", "1000000000000000000000000000,1000000000,0.00005", "-22000000000000,-0.000022,35355339059327376", ""], File.ReadAllText(path).Split('\n'));
    }

    [Theory]
    [InlineData(5e-05, "0.00005")]
    [InlineData(1e-30, "0.000000000000000000000000000001")]
    [InlineData(3.5355339059327376E+16, "35355339059327376")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(-2.5e-7, "-0.00000025")]
    [InlineData(0.1, "0.1")]
    [InlineData(39999.99999999999, "39999.99999999999")]
    [InlineData(0.0, "0")]
    public void Plain_RoundTrips_WithoutAnExponent(double value, string expected)
    {
        string text = NumberText.Plain(value);
        Assert.Equal(expected, text);
        Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(5e-05, "0.00005")]
    [InlineData(3.53553390593e16, "35,355,300,000,000,000")]
    [InlineData(107500.0, "107,500")]
    [InlineData(37499.25, "37,499.2")]
    [InlineData(0.63999742857, "0.639997")]
    [InlineData(-0.0, "0")]
    public void Significant_GivesSixDigits_Grouped_WithoutAnExponent(double value, string expected) =>
        Assert.Equal(expected, NumberText.Significant(value));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ReportTable Sample() =>
        new ReportTable("t", [new("label", ColumnKind.Text), new("amount", ColumnKind.Exact), new("count", ColumnKind.Integer), new("share", ColumnKind.Real)])
            .AddRow("plain", BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), 7L, 0.25)
            .AddRow("a, b", "1", null, null)
            .AddRow("say \"hi\"", "2", -3, 1e-30)
            .AddRow("two\nlines", "3", 0, null);
}
