using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>
/// <c>fairshare report</c> (overview, waterfall, genesis) and <c>fairshare conformance metrics.md</c> as real processes:
/// on a fresh chain, on a demo chain whose jobs settled, on the shipped genesis tables, and their clear errors.
/// </summary>
public sealed class ReportCommandTests : CliTestBase
{
    [Fact]
    public void TheOverview_OnAFreshChain_PrintsTables_AndWritesChartsCsvAndParquet()
    {
        var report = Json("report");
        var concentration = report["tables"]!["concentration"]!.AsArray();
        Assert.Contains(concentration, r => r!["asset"]!.GetValue<string>() == "FSH" && r["population"]!.GetValue<string>().Contains("protocol accounts excluded", StringComparison.Ordinal));
        Assert.All(concentration, r => Assert.InRange(r!["gini"]!.GetValue<double>(), 0, 1));
        Assert.NotEmpty(report["tables"]!["holdings_by_group"]!.AsArray());

        string outDir = Path.Combine(Cli.Home, "report");
        var run = Cli.Run("report", "--out", outDir);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("concentration", run.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "lorenz.png", "lorenz.svg", "concentration.csv", "concentration.parquet", "holdings_by_group.csv", "income_by_group.parquet" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        Assert.StartsWith("asset,population,holders,total,gini", File.ReadAllText(Path.Combine(outDir, "concentration.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Waterfalls_OnADemoChain_ReconcileForEveryJobAndTheWholeRange()
    {
        string kept = Path.Combine(Cli.Home, "demo");
        var demo = Cli.Run("demo", "--jobs", "2", "--keep", kept, "--json");
        Assert.True(demo.ExitCode == 0, demo.ToString());
        string data = Path.Combine(kept, "fair-share", "chain");
        var jobs = Json("--data", data, "market", "jobs")["jobs"]!.AsArray();
        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            string id = job!["id"]!.ToString();
            var waterfall = Json("--data", data, "report", "waterfall", "--job", id);
            Assert.True(waterfall["reconciles"]!.GetValue<bool>(), waterfall.ToJsonString());
            var steps = waterfall["steps"]!.AsArray().Where(s => s!["part"]!.GetValue<string>() == "escrow" && s["step"]!.GetValue<string>() != "locked");
            Assert.Equal(
                System.Numerics.BigInteger.Parse(waterfall["locked"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                steps.Aggregate(System.Numerics.BigInteger.Zero, (sum, s) => sum + System.Numerics.BigInteger.Parse(s!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        var range = Json("--data", data, "report", "waterfall");
        Assert.True(range["reconciles"]!.GetValue<bool>());
        Assert.Contains(range["flows"]!.AsArray(), f => f!["tag"]!.GetValue<string>() == "JobPayment");

        var overview = Json("--data", data, "report", "--buckets", "4");
        Assert.Contains(overview["tables"]!["income_by_group"]!.AsArray(), r => r!["tag"]!.GetValue<string>() == "JobPayment");
        Assert.Equal(4, overview["tables"]!["gini_over_time"]!.AsArray().Count);

        string outDir = Path.Combine(Cli.Home, "job-out");
        Ok("--data", data, "report", "waterfall", "--job", jobs[0]!["id"]!.ToString(), "--out", outDir);
        Assert.Contains(Directory.GetFiles(outDir), f => f.EndsWith("_waterfall.svg", StringComparison.Ordinal));

        AssertOneLineError(Cli.Run("--data", data, "report", "waterfall", "--job", "999"), 1, "no job 999");
        AssertOneLineError(Cli.Run("--data", data, "report", "waterfall", "--from", "5", "--to", "2"), 1, "[bad_range]");
    }

    [Fact]
    public void TheOverview_ShowsTokensNotBaseUnits()
    {
        // The local chain's genesis: 1,000,000,000 FSH (docs/simulation.md's UNI-like world and the dev genesis alike).
        var run = Cli.Run("report");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1,000,000,000", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("1000000000000000000000000000", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(NumberWithExponent, run.Stdout);
    }

    [Fact]
    public void OnADemoChain_TheReportsCsv_HoldMoneyAsIntegers_AndNoNumberInENotation()
    {
        string kept = Path.Combine(Cli.Home, "demo");
        var demo = Cli.Run("demo", "--jobs", "2", "--keep", kept, "--json");
        Assert.True(demo.ExitCode == 0, demo.ToString());
        string data = Path.Combine(kept, "fair-share", "chain");
        string outDir = Path.Combine(Cli.Home, "csv");
        var overview = Cli.Run("--data", data, "report", "--out", outDir);
        Assert.True(overview.ExitCode == 0, overview.ToString());
        var range = Cli.Run("--data", data, "report", "waterfall", "--out", outDir);
        Assert.True(range.ExitCode == 0, range.ToString());
        Assert.DoesNotContain("base units", range.Stdout, StringComparison.Ordinal);
        Assert.Contains(" FSH", range.Stdout, StringComparison.Ordinal);
        foreach (var text in new[] { overview.Stdout, range.Stdout }) Assert.DoesNotMatch(NumberWithExponent, text);

        var csvs = Directory.GetFiles(outDir, "*.csv");
        Assert.Contains(csvs, f => f.EndsWith("income_by_group.csv", StringComparison.Ordinal));
        foreach (var file in csvs)
        {
            var (header, rows) = ReadCsv(file);
            foreach (var row in rows)
            {
                for (int i = 0; i < header.Length; i++)
                {
                    Assert.False(NumberWithExponent.IsMatch(row[i]), $"{Path.GetFileName(file)}: {header[i]} = {row[i]}");
                    if (header[i] is "amount" or "total" or "received" or "sent" or "net")
                        Assert.True(System.Numerics.BigInteger.TryParse(row[i], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _), $"{Path.GetFileName(file)}: {header[i]} = {row[i]} is not an integer");
                    if (header[i] is "tokens" or "fsh" or "net_fsh")
                        Assert.Matches(@"^-?\d+(\.\d+)?$", row[i]);
                }
            }
        }

        var (incomeHeader, income) = ReadCsv(Path.Combine(outDir, "income_by_group.csv"));
        Assert.Equal(["group", "tag", "amount", "tokens", "flows"], incomeHeader);
        Assert.All(income, r => Assert.Equal(
            decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture),
            (decimal)System.Numerics.BigInteger.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) / 1_000_000_000_000_000_000m));
    }

    /// <summary>A number written in E notation: 5E-05, 3.53553E+16, 1e-30.</summary>
    private static readonly System.Text.RegularExpressions.Regex NumberWithExponent = new(@"(?<![\w.])-?\d+(\.\d+)?[eE][+-]?\d+(?![\w.])");

    /// <summary>A report CSV (no quoted commas in the checked files' numeric columns; quoted text is kept whole).</summary>
    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var split = new System.Text.RegularExpressions.Regex(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        return (split.Split(lines[0]), [.. lines.Skip(1).Select(l => split.Split(l))]);
    }

    [Fact]
    public void Genesis_OfTheShippedTables_PrintsTheSpecFigures_AndTheInsiderShare()
    {
        var uni = Json("report", "genesis", Table("uni.csv"));
        var rows = uni["tables"]!["concentration"]!.AsArray();
        Assert.Equal(0.5712534, rows[0]!["gini"]!.GetValue<double>(), 12); // metrics.md V09: each bucket a holder
        Assert.Equal(0.45288, rows[1]!["gini"]!.GetValue<double>(), 12);   // V08: each stakeholder group a holder
        Assert.Equal("2/5", uni["insiderShareExact"]!.GetValue<string>());
        foreach (var (file, gini, insider) in new[] { ("comp.csv", 0.37343164, "4995051/10000000"), ("aave.csv", 0.3125, "0"), ("arb.csv", 0.39448, "4447/10000"), ("op.csv", 0.068, "9/25") })
        {
            var report = Json("report", "genesis", Table(file));
            Assert.Equal(gini, report["tables"]!["concentration"]![0]!["gini"]!.GetValue<double>(), 12);
            Assert.Equal(insider, report["insiderShareExact"]!.GetValue<string>());
        }

        var run = Cli.Run("report", "genesis", Table("uni.csv"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0.45288", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("insider share", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("40%", run.Stdout, StringComparison.Ordinal);

        string json = Path.Combine(Cli.Home, "alloc.json");
        File.WriteAllText(json, """{"team": 20, "investors": "30.5", "community": 49.5}""");
        Assert.Equal(3, Json("report", "genesis", json)["rows"]!.GetValue<int>());
        string bad = Path.Combine(Cli.Home, "bad.csv");
        File.WriteAllText(bad, "label,amount\nteam,lots\n");
        AssertOneLineError(Cli.Run("report", "genesis", bad), 1, "line 2: 'lots' is not an exact decimal amount");
    }

    [Fact]
    public void Errors_NoChain_UnreachableNode_AreOneClearLine()
    {
        AssertOneLineError(Cli.Run("--data", Path.Combine(Cli.Home, "nothing-here"), "report"), 1, "no chain in");
        var run = Cli.Run("--node", "http://127.0.0.1:9", "report");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReport_ViaANode_ReadsItsStateAndFlowIndex_AsTheLocalReportDoes()
    {
        var ports = new Fairshare.Testnet.FreePorts();
        string api = $"http://127.0.0.1:{ports.Next()}";
        using var launcher = new CliProcess(CliProcess.OwnBuildExecutable);
        var info = launcher.StartInfo("node", "start", "--data", Cli.Home, "--api", api, "--raft", $"127.0.0.1:{ports.Next()}", "--block-time-ms", "100");
        using var node = System.Diagnostics.Process.Start(info)!;
        node.OutputDataReceived += (_, _) => { };
        node.ErrorDataReceived += (_, _) => { };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        JsonNode remote;
        try
        {
            using var http = new HttpClient();
            for (int i = 0; i < 300 && !await Healthy(http, api); i++) await Task.Delay(100);
            Json("transfer", "--from", "alice", "--to", "bob", "--amount", "12.5", "--node", api);
            Json("transfer", "--from", "bob", "--to", "alice", "--amount", "1", "--node", api);
            remote = Json("report", "--node", api);
            Assert.Contains(remote["tables"]!["income_by_group"]!.AsArray(), r => r!["tag"]!.GetValue<string>() == "TxFee");
            var range = Json("report", "waterfall", "--node", api);
            Assert.True(range["reconciles"]!.GetValue<bool>());
            var transfers = range["flows"]!.AsArray().Where(f => f!["tag"]!.GetValue<string>() == "Transfer");
            Assert.Equal(13.5m, transfers.Sum(f => decimal.Parse(f!["fsh"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }

        File.Delete(Path.Combine(Cli.Home, "node.json"));
        var local = Json("report");
        Assert.True(local["height"]!.GetValue<ulong>() >= remote["height"]!.GetValue<ulong>()); // the node went on making empty blocks
        Assert.Equal(local["tables"]!["income_by_group"]!.ToJsonString(), remote["tables"]!["income_by_group"]!.ToJsonString());
        Assert.Equal(local["tables"]!["concentration"]!.ToJsonString(), remote["tables"]!["concentration"]!.ToJsonString());
    }

    private static async Task<bool> Healthy(HttpClient http, string api)
    {
        try
        {
            return (await http.GetAsync(new Uri(api + "/health"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    [Fact]
    public void Conformance_OfMetricsMd_PassesEveryVector_AndNamesATamperedOne()
    {
        string spec = SpecPath();
        var run = Cli.Run("conformance", spec);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("34 passed, 0 failed", run.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("V17", run.Stdout, StringComparison.Ordinal);

        string tampered = Path.Combine(Cli.Home, "metrics.md");
        File.WriteAllText(tampered, File.ReadAllText(spec).Replace("| V11 | 2 | 16000000 | 0.3125 |", "| V11 | 2 | 16000000 | 0.3126 |", StringComparison.Ordinal));
        var failed = Cli.Run("conformance", tampered, "--json");
        Assert.Equal(1, failed.ExitCode);
        var json = JsonNode.Parse(failed.Stdout)!;
        Assert.Equal(1, json["failed"]!.GetValue<int>());
        var fail = Assert.Single(json["cases"]!.AsArray(), c => !c!["passed"]!.GetValue<bool>())!;
        Assert.Equal("V11", fail["id"]!.GetValue<string>());

        string broken = Path.Combine(Cli.Home, "broken.md");
        File.WriteAllText(broken, "| id | description | holdings |\n|---|---|---|\n| V01 | x | 1, two |\n");
        AssertOneLineError(Cli.Run("conformance", broken), 1, "[bad_vector_file]");
    }

    private static string Table(string name) => Path.Combine(RepoRoot(), "genesis", "tables", name);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "genesis", "tables", "uni.csv"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("genesis/tables not found above " + AppContext.BaseDirectory);
    }

    private static string SpecPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "spec", "metrics.md");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("shared/spec/metrics.md not found above " + AppContext.BaseDirectory);
    }
}
