using Fairshare.Analytics.Reports;

namespace Fairshare.Analytics.Tests.Attribution;

/// <summary>Genesis allocation tables: CSV and JSON forms, exact amounts, and clear refusals.</summary>
public sealed class GenesisTableTests
{
    [Fact]
    public void Csv_WithHeaderCommentsAndQuotes_IsRead()
    {
        var result = GenesisTable.Parse("# a comment\nlabel,amount,cohort\n\"team, early\",212660000,Team\ninvestors,180440000.5\n");
        Assert.True(result.IsOk, result.Error);
        Assert.Equal([new GenesisAllocation("team, early", "212660000", "team"), new GenesisAllocation("investors", "180440000.5", "investors")], result.Rows.AsEnumerable());
    }

    [Fact]
    public void Json_ObjectAndArray_AreRead_WithNumbersKeptExact()
    {
        var obj = GenesisTable.Parse("""{"team": 858993459.2, "users": "100"}""");
        Assert.Equal(["858993459.2", "100"], obj.Rows.Select(r => r.Amount));
        var array = GenesisTable.Parse("""[{"label": "a", "amount": 5, "cohort": "Investors"}, {"label": "b", "amount": "7"}]""");
        Assert.Equal([("a", "investors"), ("b", "b")], array.Rows.Select(r => (r.Label, r.Cohort)));
    }

    [Theory]
    [InlineData("team,-5\n", "line 1")]
    [InlineData("team,1e6\n", "line 1")]
    [InlineData("a,1,b,c\n", "4 fields")]
    [InlineData("\"open,1\n", "unterminated quote")]
    [InlineData("{\"a\": true}", "'a'")]
    [InlineData("[1, 2]", "entry 0")]
    [InlineData("{ broken", "not valid JSON")]
    [InlineData("# only a comment\n", "no rows")]
    public void MalformedTables_AreRefused_NamingWhere(string text, string message)
    {
        var result = GenesisTable.Parse(text);
        Assert.False(result.IsOk);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAnalysis_GivesBothGranularities_AndTheInsiderShare()
    {
        var rows = GenesisTable.Parse("""
            label,amount,cohort
            user airdrop,100613600,community
            LP airdrop,49166400,community
            SOCKS,220000,community
            liquidity mining,20000000,community
            treasury,430000000,community
            team,212660000,team
            investors,180440000,investors
            advisors,6900000,advisors
            """).Rows;
        var report = GenesisAnalysis.Analyze(rows);
        Assert.True(report.IsOk);
        Assert.Equal(0.5712534, (double)report.Tables[0].Rows[0][4]!, 12);
        Assert.Equal(0.45288, (double)report.Tables[0].Rows[1][4]!, 12);
        Assert.Equal(new Fairshare.Analytics.Concentration.Fraction(2, 5), report.InsiderShare);
        Assert.Equal(4, report.Tables[1].Rows.Count);
        Assert.False(GenesisAnalysis.Analyze([new GenesisAllocation("x", "0", "x")]).IsOk);
    }
}
