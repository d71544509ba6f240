using System.Collections.Immutable;
using System.Text;
using Fairshare.Analytics.Concentration;
using Fairshare.Analytics.Export;
using Fairshare.Analytics.Plots;
using Fairshare.Analytics.Reports;
using Fairshare.Simulation.Runs;

namespace Fairshare.Cli.Sim;

/// <summary>Writes an experiment's tables (CSV + Parquet) and charts (PNG + SVG) into an output folder.</summary>
public static class SimOutputs
{
    // Lorenz curves of larger populations are drawn through this many evenly spaced vertices.
    private const int MaxLorenzPoints = 1000;

    /// <summary>Writes runs, summary and series tables, the mean-series lines, Lorenz curves and metric bars; returns the paths.</summary>
    public static async Task<ImmutableArray<string>> WriteAsync(ExperimentResult result, ImmutableArray<string> barMetrics, string directory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var files = ImmutableArray.CreateBuilder<string>();
        async Task Table(ReportTable? table)
        {
            if (table is null) return;
            var (csv, parquet) = await TableExport.WriteBothAsync(table, directory, ct).ConfigureAwait(false);
            files.Add(csv);
            files.Add(parquet);
        }

        await Table(ExperimentTables.Runs(result)).ConfigureAwait(false);
        await Table(ExperimentTables.Summary(result)).ConfigureAwait(false);
        await Table(ExperimentTables.Series(result)).ConfigureAwait(false);
        string scenario = result.Plan.Scenario.Name;
        foreach (var (column, lines) in ExperimentTables.MeanSeries(result))
            Add(files, Charts.Lines($"{scenario}: {column} over steps (mean of {result.Plan.Runs} runs)", "step", column, lines, Path.Combine(directory, "series-" + Slug(column))));
        foreach (var (name, curves) in LorenzCurves(result))
            Add(files, Charts.Lorenz($"{scenario}: Lorenz curve of {name}, run 1", curves, Path.Combine(directory, "lorenz-" + Slug(name))));
        if (result.Plan.Points.Length > 1)
        {
            foreach (string metric in barMetrics.IsDefaultOrEmpty ? result.MetricNames : barMetrics)
            {
                var bars = result.Summaries.Select(s => (s.Point.Label, s.Find(metric)?.Mean ?? double.NaN)).ToList();
                Add(files, Charts.Bars($"{scenario}: {metric} (mean of {result.Plan.Runs} runs)", metric, bars, Path.Combine(directory, "compare-" + Slug(metric))));
            }
        }

        return files.ToImmutable();
    }

    private static void Add(ImmutableArray<string>.Builder files, ChartFiles chart)
    {
        files.Add(chart.Png);
        files.Add(chart.Svg);
    }

    private static IEnumerable<(string Name, List<ChartSeries> Curves)> LorenzCurves(ExperimentResult result)
    {
        var firsts = result.Plan.Points.Select(p => result.RecordsOf(p).First()).ToList();
        int count = firsts.Min(r => r.Outcome.Distributions.Length);
        for (int d = 0; d < count; d++)
        {
            var curves = new List<ChartSeries>();
            foreach (var record in firsts)
            {
                var holdings = Holdings.Create(record.Outcome.Distributions[d].Holdings);
                if (!holdings.IsOk) continue;
                curves.Add(LorenzSample.Of(record.Point.Label, holdings.Value, MaxLorenzPoints));
            }

            yield return (firsts[0].Outcome.Distributions[d].Name, curves);
        }
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        return slug.ToString().TrimEnd('-');
    }
}
