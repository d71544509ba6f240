using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Simulation.Runs;
using Spectre.Console;
using NumberText = Fairshare.Analytics.Export.NumberText;

namespace Fairshare.Cli.Sim;

/// <summary>Prints an experiment: Spectre tables on a terminal, one JSON document with --json.</summary>
public static class SimReport
{
    // Above this many runs the per-run fingerprint table is left out of the terminal output (runs.csv has them all).
    private const int MaxRunsListed = 100;

    /// <summary>The summary of every point (and each run's fingerprint) of <c>sim run</c>.</summary>
    public static void PrintRun(CliContext context, ExperimentResult result, ImmutableArray<string> files, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Plan;
        if (context.Json)
        {
            var json = Header(result, elapsed, files);
            json["points"] = new JsonArray([.. result.Summaries.Select(s => (JsonNode)PointJson(result, s))]);
            context.WriteJson(json);
            return;
        }

        bool percentiles = plan.Runs >= MetricSummary.PercentileRuns;
        var table = new Table().Title(Markup.Escape($"{plan.Scenario.Name}: {plan.Points.Length} point(s) × {plan.Runs} run(s) × {plan.Steps:N0} steps, model {plan.Model.Name}"))
            .AddColumns("point", "metric", "mean", "min", "max");
        if (percentiles) table.AddColumns("p5", "p95");
        foreach (var s in result.Summaries)
        {
            foreach (var m in s.Metrics)
            {
                string[] cells = [Markup.Escape(s.Point.Label), Markup.Escape(m.Name), Number(m.Mean), Number(m.Min), Number(m.Max)];
                table.AddRow(percentiles ? [.. cells, Number(m.P5), Number(m.P95)] : cells);
            }
        }

        context.Console.Write(table);
        if (result.Records.Length <= MaxRunsListed && result.Records.Any(r => r.Outcome.Fingerprint is not null))
        {
            var runs = new Table().Title("final-state fingerprints").AddColumns("point", "run", "seed", "fingerprint");
            foreach (var r in result.Records)
                runs.AddRow(Markup.Escape(r.Point.Label), $"{r.Run}", $"0x{r.Seed:x}", Markup.Escape(r.Outcome.Fingerprint ?? "—"));
            context.Console.Write(runs);
        }

        Footer(context, result, files, elapsed);
    }

    /// <summary>The <c>sim compare</c> table: rows = metrics, columns = variants (mean over runs), with the change against the first.</summary>
    public static void PrintCompare(CliContext context, ExperimentResult result, ImmutableArray<string> metrics, ImmutableArray<string> files, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var summaries = result.Summaries;
        var baseline = summaries[0];
        if (context.Json)
        {
            var json = Header(result, elapsed, files);
            json["baseline"] = baseline.Point.Label;
            json["metrics"] = new JsonArray([.. metrics.Select(metric => (JsonNode)new JsonObject
            {
                ["metric"] = metric,
                ["mean"] = new JsonObject([.. summaries.Select(s => new KeyValuePair<string, JsonNode?>(s.Point.Label, Json(s.Find(metric)?.Mean)))]),
                ["changePercent"] = new JsonObject([.. summaries.Skip(1).Select(s => new KeyValuePair<string, JsonNode?>(s.Point.Label, Json(Change(baseline, s, metric))))]),
            })]);
            json["points"] = new JsonArray([.. summaries.Select(s => (JsonNode)PointJson(result, s))]);
            context.WriteJson(json);
            return;
        }

        var table = new Table().Title(Markup.Escape($"{result.Plan.Scenario.Name}: mean of {result.Plan.Runs} run(s) per variant, same seeds (change against {baseline.Point.Label})"))
            .AddColumn("metric");
        foreach (var s in summaries) table.AddColumn(new TableColumn(Markup.Escape(s.Point.Label)).RightAligned());
        foreach (string metric in metrics)
        {
            var cells = new List<string> { Markup.Escape(metric) };
            foreach (var s in summaries)
            {
                string value = Number(s.Find(metric)?.Mean);
                cells.Add(ReferenceEquals(s, baseline) ? value : $"{value} [grey]({Percent(Change(baseline, s, metric))})[/]");
            }

            table.AddRow([.. cells]);
        }

        context.Console.Write(table);
        Footer(context, result, files, elapsed);
    }

    /// <summary>
    /// A figure with six significant digits (whole numbers below 10^15 in full), grouped and never in E notation as
    /// every number the CLI prints (<see cref="NumberText"/>); "—" when undefined. Money metrics are in whole tokens.
    /// </summary>
    public static string Number(double? value) => value switch
    {
        null => "—",
        { } v when double.IsNaN(v) => "—",
        { } v when Math.Abs(v) < 1e15 && v == Math.Floor(v) => NumberText.Significant(v, 15),
        { } v => NumberText.Significant(v),
    };

    private static double? Change(PointSummary baseline, PointSummary other, string metric)
    {
        double? from = baseline.Find(metric)?.Mean, to = other.Find(metric)?.Mean;
        return from is { } f && to is { } t && f != 0 && !double.IsNaN(f) && !double.IsNaN(t) ? (t - f) / Math.Abs(f) * 100 : null;
    }

    private static string Percent(double? change) => change is { } c ? c.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "—";

    private static JsonObject Header(ExperimentResult result, TimeSpan elapsed, ImmutableArray<string> files)
    {
        var plan = result.Plan;
        return new JsonObject
        {
            ["scenario"] = plan.Scenario.Name,
            ["model"] = plan.Model.Name,
            ["steps"] = plan.Steps,
            ["runs"] = plan.Runs,
            ["seed"] = plan.Seed,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 3),
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)f)]),
        };
    }

    private static JsonObject PointJson(ExperimentResult result, PointSummary s) => new()
    {
        ["variant"] = s.Point.Variant,
        ["sweep"] = new JsonObject([.. s.Point.Sweep.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value.DeepClone()))]),
        ["label"] = s.Point.Label,
        ["metrics"] = new JsonObject([.. s.Metrics.Select(m => new KeyValuePair<string, JsonNode?>(m.Name, new JsonObject
        {
            ["mean"] = Json(m.Mean),
            ["min"] = Json(m.Min),
            ["max"] = Json(m.Max),
            ["p5"] = Json(m.P5),
            ["p95"] = Json(m.P95),
        }))]),
        ["runs"] = new JsonArray([.. result.RecordsOf(s.Point).Select(r => (JsonNode)new JsonObject
        {
            ["run"] = r.Run,
            ["seed"] = r.Seed,
            ["fingerprint"] = r.Outcome.Fingerprint,
            ["metrics"] = new JsonObject([.. r.Outcome.Metrics.Select(m => new KeyValuePair<string, JsonNode?>(m.Name, Json(m.Value)))]),
        })]),
    };

    private static JsonNode? Json(double? value) => value is { } v && !double.IsNaN(v) ? JsonValue.Create(v) : null;

    private static void Footer(CliContext context, ExperimentResult result, ImmutableArray<string> files, TimeSpan elapsed)
    {
        context.Console.MarkupLine($"[grey]{result.Records.Length:N0} run(s) in {elapsed.TotalSeconds:N2} s[/]");
        if (!files.IsEmpty) context.Console.MarkupLine($"[grey]wrote {files.Length} files to {Markup.Escape(Path.GetDirectoryName(files[0]) ?? ".")}[/]");
    }
}
