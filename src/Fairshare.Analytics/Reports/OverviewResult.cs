using System.Collections.Immutable;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Export;
using Fairshare.Analytics.Plots;

namespace Fairshare.Analytics.Reports;

/// <summary>The overview report: its tables (printed, and exported as CSV and Parquet) and the data of its charts.</summary>
/// <param name="Tables">concentration, holdings_by_group, income_by_group, income_by_role, income_over_time, gini_over_time.</param>
/// <param name="Income">The income attribution behind the income tables.</param>
/// <param name="Lorenz">Lorenz curves (downsampled) per distribution.</param>
/// <param name="GiniOverTime">The Gini of cumulative income per earning account at each bucket's end.</param>
/// <param name="IncomeByGroup">Income per group per bucket, in whole tokens, for the stacked chart.</param>
/// <param name="IncomeWaterfall">Income per tag building up to the total, in whole tokens.</param>
public sealed record OverviewResult(
    ImmutableArray<ReportTable> Tables,
    IncomeReport Income,
    ImmutableArray<ChartSeries> Lorenz,
    ChartSeries GiniOverTime,
    ImmutableArray<ChartSeries> IncomeByGroup,
    ImmutableArray<WaterfallStep> IncomeWaterfall)
{
    /// <summary>Writes the charts (PNG and SVG) into <paramref name="directory"/>; a chart with no data (no income yet) is left out.</summary>
    public ImmutableArray<ChartFiles> WriteCharts(string directory, string symbol)
    {
        var files = ImmutableArray.CreateBuilder<ChartFiles>();
        if (!Lorenz.IsEmpty) files.Add(Charts.Lorenz("Lorenz curves", Lorenz, Path.Combine(directory, "lorenz")));
        if (!GiniOverTime.X.IsEmpty)
            files.Add(Charts.Lines("Gini of cumulative income over time", "block height", "Gini", [GiniOverTime], Path.Combine(directory, "gini_over_time")));
        if (!IncomeByGroup.IsEmpty)
            files.Add(Charts.StackedArea($"Income by group over time ({symbol})", "block height", symbol, IncomeByGroup, Path.Combine(directory, "income_by_group")));
        if (IncomeWaterfall.Length > 1) files.Add(Charts.Waterfall($"Income by tag ({symbol})", symbol, IncomeWaterfall, Path.Combine(directory, "income_waterfall")));
        return files.ToImmutable();
    }
}
