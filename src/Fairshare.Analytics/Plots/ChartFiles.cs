namespace Fairshare.Analytics.Plots;

/// <summary>The two files a chart is saved as.</summary>
/// <param name="Png">The raster image (for terminals, reports and the README).</param>
/// <param name="Svg">The vector image (for the web and print).</param>
public sealed record ChartFiles(string Png, string Svg);
