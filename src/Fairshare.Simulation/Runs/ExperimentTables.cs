using System.Collections.Immutable;
using System.Globalization;
using Fairshare.Analytics.Export;
using Fairshare.Analytics.Plots;

namespace Fairshare.Simulation.Runs;

/// <summary>An experiment's results as report tables (for CSV and Parquet) and chart series.</summary>
public static class ExperimentTables
{
    /// <summary>
    /// One row per run: variant, sweep values, run, seed, every metric, fingerprint. A money metric (<see cref="RunMetric.Money"/>)
    /// is two columns: its exact base units (an integer), then <c>NAME_tokens</c>, the same in whole tokens (exact decimal
    /// text); never a float.
    /// </summary>
    public static ReportTable Runs(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = result.MetricNames;
        var money = MoneyMetrics(result);
        var table = new ReportTable("runs", [.. PointColumns(result.Plan), new("run", ColumnKind.Integer), new("seed", ColumnKind.Exact),
            .. metrics.SelectMany(m => money.Contains(m)
                ? new[] { new TableColumn(m, ColumnKind.Exact), new TableColumn(m + TokensSuffix, ColumnKind.Tokens) }
                : [new TableColumn(m, ColumnKind.Real)]),
            new("fingerprint", ColumnKind.Text)]);
        foreach (var r in result.Records)
        {
            table.AddRow([.. PointCells(r.Point), r.Run, r.Seed.ToString(CultureInfo.InvariantCulture),
                .. metrics.SelectMany(m => Cells(r.Outcome.Metrics.FirstOrDefault(x => x.Name == m), money.Contains(m))), r.Outcome.Fingerprint]);
        }

        return table;
    }

    /// <summary>
    /// One row per point and metric: unit, runs, mean, min, max, p5, p95 (empty below 20 runs). The figures are exact
    /// text: a money metric's in base units of its <c>unit</c> (integers: <see cref="AmountSummary"/>), every other
    /// metric's as the shortest decimal that reads back as its double, never in E notation; undefined is empty.
    /// </summary>
    public static ReportTable Summary(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ReportTable("summary", [.. PointColumns(result.Plan), new("metric", ColumnKind.Text), new("unit", ColumnKind.Text), new("runs", ColumnKind.Integer),
            new("mean", ColumnKind.Exact), new("min", ColumnKind.Exact), new("max", ColumnKind.Exact), new("p5", ColumnKind.Exact), new("p95", ColumnKind.Exact)]);
        foreach (var s in result.Summaries)
        {
            foreach (var m in s.Metrics)
            {
                object?[] figures = m.Amounts is { } a
                    ? [a.Symbol + " base units", m.Count, a.Mean, a.Min, a.Max, a.P5, a.P95]
                    : ["", m.Count, m.Mean, m.Min, m.Max, m.P5, m.P95];
                table.AddRow([.. PointCells(s.Point), m.Name, .. figures]);
            }
        }

        return table;
    }

    /// <summary>Every run's per-step samples, each row led by its variant, sweep values and run; null when no run has a series.</summary>
    public static ReportTable? Series(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var first = result.Records.Select(r => r.Outcome.Series).FirstOrDefault(s => s is not null);
        if (first is null) return null;
        var table = new ReportTable("series", [.. PointColumns(result.Plan), new("run", ColumnKind.Integer), .. first.Columns]);
        foreach (var r in result.Records)
        {
            if (r.Outcome.Series is not { } series) continue;
            if (!series.Columns.SequenceEqual(first.Columns)) throw new InvalidOperationException($"run {r.Run} of {r.Point.Label} has other series columns than the first run");
            foreach (var row in series.Rows) table.AddRow([.. PointCells(r.Point), r.Run, .. row]);
        }

        return table;
    }

    /// <summary>
    /// For each numeric series column (besides <c>step</c>), one line per point: its mean over the point's runs at
    /// each sampled step. Keyed by the column name, in column order.
    /// </summary>
    public static ImmutableArray<KeyValuePair<string, ImmutableArray<ChartSeries>>> MeanSeries(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var first = result.Records.Select(r => r.Outcome.Series).FirstOrDefault(s => s is not null);
        if (first is null) return [];
        var columns = first.Columns.Select((c, i) => (c, i)).Where(x => x.i > 0 && x.c.Kind is ColumnKind.Integer or ColumnKind.Real).ToList();
        var charts = ImmutableArray.CreateBuilder<KeyValuePair<string, ImmutableArray<ChartSeries>>>();
        foreach (var (column, index) in columns)
        {
            var lines = ImmutableArray.CreateBuilder<ChartSeries>();
            foreach (var point in result.Plan.Points)
            {
                var samples = result.RecordsOf(point).Select(r => r.Outcome.Series).OfType<ReportTable>()
                    .SelectMany(s => s.Rows).GroupBy(row => AsDouble(row[0])).OrderBy(g => g.Key).ToList();
                if (samples.Count == 0) continue;
                lines.Add(new ChartSeries(point.Label, [.. samples.Select(g => g.Key)], [.. samples.Select(g => g.Average(row => AsDouble(row[index])))]));
            }

            charts.Add(new(column.Name, lines.ToImmutable()));
        }

        return charts.ToImmutable();
    }

    /// <summary>The suffix of a money metric's tokens column in <c>runs.csv</c>.</summary>
    public const string TokensSuffix = "_tokens";

    /// <summary>The metrics some run gave as money (exact base units).</summary>
    private static HashSet<string> MoneyMetrics(ExperimentResult result) =>
        [.. result.Records.SelectMany(r => r.Outcome.Metrics).Where(m => m.Amount is not null).Select(m => m.Name)];

    private static IEnumerable<object?> Cells(RunMetric? metric, bool money) => money
        ? [metric?.Amount, metric?.Amount]
        : [metric?.Value ?? double.NaN];

    private static IEnumerable<TableColumn> PointColumns(ExperimentPlan plan) =>
        [new("variant", ColumnKind.Text), .. plan.Sweeps.Select(s => new TableColumn(s.Parameter, ColumnKind.Text))];

    private static IEnumerable<object?> PointCells(ExperimentPoint point) =>
        [point.Variant, .. point.Sweep.Select(s => (object?)ExperimentPoint.SweepText(s.Value))];

    private static double AsDouble(object? cell) => cell switch
    {
        long l => l,
        double d => d,
        _ => double.NaN,
    };
}
