using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests.Sim;

/// <summary>'fairshare sim': real processes running the shipped scenarios, their files and their errors.</summary>
public sealed class SimCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "fairshare-sim-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Run_Rtt10_TwoRuns_WritesTheFiles_AndPrintsTheTwoHashes()
    {
        var run = _cli.Run("sim", "run", "rtt-10", "--runs", "2", "--out", _out);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("02b6d81c67bd86cf", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("494dd2e0bfa3b006", run.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "runs.csv", "runs.parquet", "summary.csv", "summary.parquet", "series.csv", "series.parquet", "series-gini.png", "series-gini.svg", "lorenz-balances-every-agent.png" })
            Assert.True(new FileInfo(Path.Combine(_out, file)).Length > 0, file);
        var rows = File.ReadAllLines(Path.Combine(_out, "runs.csv"));
        Assert.Equal(3, rows.Length);
        Assert.EndsWith(",494dd2e0bfa3b006", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Economy_WritesMoneyAsExactBaseUnits_AndNoNumberInENotation()
    {
        var run = _cli.Run("sim", "run", "rug-pull", "--runs", "1", "--steps", "300", "--out", _out);

        Assert.True(run.ExitCode == 0, run.ToString());
        var runs = File.ReadAllLines(Path.Combine(_out, "runs.csv"));
        string[] header = runs[0].Split(','), row = runs[1].Split(',');
        foreach (var money in new[] { "rug_pull_loss", "flash_loan_profit", "emission_to_providers", "emission_to_treasury" })
        {
            string units = row[Array.IndexOf(header, money)], tokens = row[Array.IndexOf(header, money + "_tokens")];
            Assert.True(System.Numerics.BigInteger.TryParse(units, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var exact), $"{money} = {units}");
            Assert.Equal((decimal)exact / 1_000_000_000_000_000_000m, decimal.Parse(tokens, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(System.Numerics.BigInteger.Parse(row[Array.IndexOf(header, "rug_pull_loss")], System.Globalization.CultureInfo.InvariantCulture) > 0);
        var summary = File.ReadAllLines(Path.Combine(_out, "summary.csv"));
        Assert.StartsWith("variant,metric,unit,runs,mean,min,max,p5,p95", summary[0], StringComparison.Ordinal);
        var loss = summary.Single(l => l.StartsWith("base,rug_pull_loss,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("USDF base units", loss[2]);
        Assert.All(loss[4..7], cell => Assert.Matches("^-?[0-9]+$", cell));
        foreach (var file in Directory.GetFiles(_out, "*.csv"))
        {
            foreach (var cell in File.ReadAllLines(file).Skip(1).SelectMany(l => l.Split(',')))
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(cell, "^-?[0-9.]+[eE][+-]?[0-9]+$"), $"{Path.GetFileName(file)}: {cell}");
        }
    }

    [Fact]
    public void Run_Json_WithASweep_GivesOnePointPerValue()
    {
        var run = _cli.Run("sim", "run", "rtt-10", "--runs", "2", "--steps", "50", "--sweep", "agents=5,8", "--parallel", "1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var points = JsonNode.Parse(run.Stdout)!["points"]!.AsArray();
        Assert.Equal([5, 8], points.Select(p => p!["sweep"]!["agents"]!.GetValue<int>()));
        Assert.All(points, p => Assert.Equal(2, p!["runs"]!.AsArray().Count));
        double richest = points[0]!["metrics"]!["max"]!["max"]!.GetValue<double>();
        Assert.InRange(richest, 1000, 5 * 1000); // at least the mean, at most the whole supply of 5 agents
    }

    [Fact]
    public void Compare_PrintsEveryVariant_WithTheChangeAgainstTheFirst()
    {
        var run = _cli.Run("sim", "compare", "rtt-10", "--runs", "2", "--steps", "100", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("base", json["baseline"]!.GetValue<string>());
        var gini = json["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "gini")!;
        Assert.NotNull(gini["mean"]!["coarse"]);
        Assert.NotNull(gini["changePercent"]!["coarse"]);
    }

    [Fact]
    public void List_ShowsTheShippedScenarios()
    {
        var run = _cli.Run("sim", "list", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var names = JsonNode.Parse(run.Stdout)!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("rtt-1000", names);
        Assert.Contains("rtt-10", names);
    }

    [Theory]
    [InlineData("bad_sweep", "sim", "run", "rtt-10", "--sweep", "agents")]
    [InlineData("unknown_parameter", "sim", "run", "rtt-10", "--sweep", "agnets=3,4")]
    [InlineData("scenario_not_found", "sim", "run", "no-such-scenario")]
    [InlineData("bad_runs", "sim", "run", "rtt-10", "--runs", "0")]
    [InlineData("unknown_variant", "sim", "compare", "rtt-10", "--variants", "base,nope")]
    public void Mistakes_FailWithOneClearLine(string code, params string[] args)
    {
        var run = _cli.Run(args);
        Assert.True(run.ExitCode != 0, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith($"[{code}]", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    public void Dispose()
    {
        _cli.Dispose();
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }
}
