using System.Collections.Immutable;
using Fairshare.Analytics.Plots;
using SkiaSharp;

namespace Fairshare.Analytics.Tests.Export;

/// <summary>
/// The charts carry their text: ScottPlot draws no text at all when no font is installed, which would still give a
/// picture. The SVG must hold the title as a text element, and the PNG's title band must have ink where the title is.
/// </summary>
public sealed class ChartTextTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fairshare-charts-").FullName;

    [Fact]
    public void ARenderedChart_HasItsTitleAndLabels_AsText_InTheSvgAndThePng()
    {
        ImmutableArray<double> xs = [1, 2, 3, 4], ys = [0.2, 0.4, 0.45, 0.5];
        var titled = Charts.Lines("Gini over time", "block height", "Gini", [new ChartSeries("Gini", xs, ys)], Path.Combine(_dir, "titled"));

        string svg = File.ReadAllText(titled.Svg);
        Assert.Contains("<text", svg, StringComparison.Ordinal);
        Assert.Contains("Gini over time", svg, StringComparison.Ordinal);
        Assert.Contains("block height", svg, StringComparison.Ordinal);

        // The title is centred above the plot, in the top rows: ink there, and none in the same rows at the left edge.
        int title = Ink(titled.Png, 330, 570);
        int beside = Ink(titled.Png, 0, 240);
        Assert.True(title > 200, $"the title band has {title} dark pixels: no text was drawn (fonts missing? run scripts/setup.sh)");
        Assert.True(beside < 10, $"{beside} dark pixels beside the title");
    }

    [Theory]
    [InlineData("Gini over time")]
    [InlineData("standard: Lorenz curve of provider income (FSH base units; every provider, zeros included), run 1")]
    public void ALongTitle_GoesOnTwoLinesAtASpace_AndKeepsEveryWord(string title)
    {
        string fitted = Charts.FitTitle(title);

        Assert.Equal(title, fitted.Replace('\n', ' '));
        Assert.All(fitted.Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Equal(title.Length > 80, fitted.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void EveryChartKind_WritesAPngAndAnSvg()
    {
        ImmutableArray<double> xs = [0, 0.5, 1], ys = [0, 0.2, 1];
        var files = new[]
        {
            Charts.Lorenz("Lorenz", [new ChartSeries("FSH", xs, ys)], Path.Combine(_dir, "lorenz")),
            Charts.StackedArea("Income", "block", "FSH", [new ChartSeries("a", xs, ys), new ChartSeries("b", xs, ys)], Path.Combine(_dir, "stack")),
            Charts.Waterfall("Job 1", "FSH", [new WaterfallStep("locked", 10, true), new WaterfallStep("provider", -7), new WaterfallStep("refund", -3)], Path.Combine(_dir, "waterfall")),
            Charts.Bars("Bars", "FSH", [("a", 1), ("b", 2)], Path.Combine(_dir, "bars")),
        };
        foreach (var f in files)
        {
            Assert.True(new FileInfo(f.Png).Length > 1000, f.Png);
            Assert.Contains("<text", File.ReadAllText(f.Svg), StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Dark pixels (luma below 128) in the top 32 pixel rows (the title band) between columns <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static int Ink(string png, int from, int to)
    {
        using var bitmap = SKBitmap.Decode(png);
        int ink = 0;
        for (int y = 0; y < 32; y++)
        {
            for (int x = from; x < to; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Alpha > 0 && 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue < 128) ink++;
            }
        }

        return ink;
    }
}
