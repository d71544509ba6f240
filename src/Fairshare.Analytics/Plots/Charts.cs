using ScottPlot;

namespace Fairshare.Analytics.Plots;

/// <summary>
/// The report charts, drawn with ScottPlot and saved as PNG and SVG. Every chart has a title and axis labels: with no
/// fonts installed ScottPlot silently draws no text, so the setup installs fonts-dejavu-core and a test checks text.
/// </summary>
public static class Charts
{
    /// <summary>The default size in pixels.</summary>
    public const int Width = 900;

    /// <summary>The default height in pixels.</summary>
    public const int Height = 500;

    /// <summary>Lines over a shared kind of x axis (Gini over time, income over time).</summary>
    public static ChartFiles Lines(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, string pathWithoutExtension)
    {
        var plot = NewPlot(title, xLabel, yLabel);
        foreach (var s in series) plot.Add.Scatter(s.X.ToArray(), s.Y.ToArray()).LegendText = s.Label;
        if (series.Count > 1) plot.ShowLegend();
        return Save(plot, pathWithoutExtension);
    }

    /// <summary>Lorenz curves (x: cumulative share of holders, y: cumulative share of the total) with the equality line.</summary>
    public static ChartFiles Lorenz(string title, IReadOnlyList<ChartSeries> curves, string pathWithoutExtension)
    {
        var plot = NewPlot(title, "cumulative share of holders (poorest first)", "cumulative share of the total");
        var equality = plot.Add.Line(0, 0, 1, 1);
        equality.LinePattern = LinePattern.Dashed;
        equality.LegendText = "equality";
        foreach (var c in curves)
        {
            var line = plot.Add.Scatter(c.X.ToArray(), c.Y.ToArray());
            line.LegendText = c.Label;
            line.MarkerSize = c.X.Length <= 50 ? 4 : 0;
        }

        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, pathWithoutExtension);
    }

    /// <summary>Bands stacked on each other (income by cohort over time); every series shares the x values of the first.</summary>
    public static ChartFiles StackedArea(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, string pathWithoutExtension)
    {
        var plot = NewPlot(title, xLabel, yLabel);
        if (series.Count > 0)
        {
            double[] xs = series[0].X.ToArray();
            double[] bottom = new double[xs.Length];
            foreach (var s in series)
            {
                if (s.Y.Length != xs.Length) throw new ArgumentException($"series '{s.Label}' has {s.Y.Length} points, the first has {xs.Length}", nameof(series));
                double[] top = new double[xs.Length];
                for (int i = 0; i < xs.Length; i++) top[i] = bottom[i] + s.Y[i];
                plot.Add.FillY(xs, bottom, top).LegendText = s.Label;
                bottom = top;
            }

            plot.ShowLegend(Alignment.UpperLeft);
        }

        return Save(plot, pathWithoutExtension);
    }

    /// <summary>A waterfall: each step floats on the running total; totals stand on zero.</summary>
    public static ChartFiles Waterfall(string title, string yLabel, IReadOnlyList<WaterfallStep> steps, string pathWithoutExtension)
    {
        var plot = NewPlot(title, "", yLabel);
        var bars = new List<Bar>();
        double running = 0;
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            double from = step.IsTotal ? 0 : running;
            double to = step.IsTotal ? step.Value : running + step.Value;
            running = step.IsTotal ? step.Value : to;
            bars.Add(new Bar
            {
                Position = i,
                ValueBase = Math.Min(from, to),
                Value = Math.Max(from, to),
                FillColor = step.IsTotal ? Colors.SteelBlue : step.Value >= 0 ? Colors.SeaGreen : Colors.IndianRed,
            });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, steps.Count).Select(i => (double)i).ToArray(), steps.Select(s => s.Label).ToArray());
        SlantLabelsWhenCrowded(plot, steps.Select(s => s.Label).ToList());
        return Save(plot, pathWithoutExtension);
    }

    /// <summary>Plain vertical bars, one per label (a metric per scenario, income per cohort).</summary>
    public static ChartFiles Bars(string title, string yLabel, IReadOnlyList<(string Label, double Value)> bars, string pathWithoutExtension)
    {
        var plot = NewPlot(title, "", yLabel);
        plot.Add.Bars(bars.Select((b, i) => new Bar { Position = i, Value = b.Value }).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        SlantLabelsWhenCrowded(plot, bars.Select(b => b.Label).ToList());
        plot.Axes.Margins(bottom: 0);
        return Save(plot, pathWithoutExtension);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(FitTitle(title));
        if (xLabel.Length > 0) plot.XLabel(xLabel);
        if (yLabel.Length > 0) plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A title longer than the chart is wide goes on two lines, broken at the space nearest its middle.</summary>
    internal static string FitTitle(string title)
    {
        const int MaxLine = 80;
        if (title.Length <= MaxLine) return title;
        int middle = title.Length / 2;
        for (int offset = 0; offset < middle; offset++)
        {
            if (title[middle + offset] == ' ') return string.Concat(title.AsSpan(0, middle + offset), "\n", title.AsSpan(middle + offset + 1));
            if (title[middle - offset] == ' ') return string.Concat(title.AsSpan(0, middle - offset), "\n", title.AsSpan(middle - offset + 1));
        }

        return title;
    }

    /// <summary>Category labels that would run into each other are slanted, with room below the axis for them.</summary>
    private static void SlantLabelsWhenCrowded(Plot plot, IReadOnlyList<string> labels)
    {
        int longest = labels.Count == 0 ? 0 : labels.Max(l => l.Length);
        if (labels.Count * Math.Max(longest, 1) * 8 <= Width * 0.8) return;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = Math.Min(160, 20 + (longest * 4));
    }

    private static ChartFiles Save(Plot plot, string pathWithoutExtension)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension));
        if (directory is not null) Directory.CreateDirectory(directory);
        var files = new ChartFiles(pathWithoutExtension + ".png", pathWithoutExtension + ".svg");
        plot.SavePng(files.Png, Width, Height);
        plot.SaveSvg(files.Svg, Width, Height);
        return files;
    }
}
