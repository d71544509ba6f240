using Fairshare.Conformance.Metrics;
using Fairshare.Conformance;

namespace Fairshare.Analytics.Tests.Conformance;

/// <summary>The metrics spec's own markdown, parsed and checked: the real file passes in full; a changed figure fails by name.</summary>
public sealed class MetricsConformanceTests
{
    private static readonly Lazy<string> Spec = new(() => File.ReadAllText(SpecPath()));

    [Fact]
    public void TheRealSpec_PassesEveryCase()
    {
        var report = MetricsConformance.Run(Spec.Value);
        Assert.Empty(report.Cases.Where(c => !c.Passed).Select(c => $"{c.Id}: {string.Join("; ", c.Failures)}"));
        Assert.Equal(17, report.Cases.Count(c => c.Id.StartsWith('V') && c.Id.Length == 3));
        Assert.Contains(report.Cases, c => c.Id == "V17" && c.Checks == 19);
        Assert.Contains(report.Cases, c => c.Id == "V03 lorenz points" && c.Checks == 6);
        Assert.Equal(8, report.Cases.Count(c => c.Id.StartsWith("nakamoto", StringComparison.Ordinal)));
        Assert.Equal(3, report.Cases.Count(c => c.Id.StartsWith("error", StringComparison.Ordinal)));
        Assert.Contains(report.Cases, c => c.Id == "closed forms");
        Assert.True(report.Checks > 300);
    }

    [Theory]
    [InlineData("| V09 | 8 | 1000000000 | 0.5712534 |", "| V09 | 8 | 1000000000 | 0.5712535 |", "V09", "gini")]
    [InlineData("- V13: gini = 17/250;", "- V13: gini = 17/251;", "V13", "gini (exact)")]
    [InlineData("| V02 | 1 | 1 | 0.5 | 1 | 1 | undef. |", "| V02 | 1 | 1 | 0.5 | 1 | 1 | 7 |", "V02", "palma")]
    [InlineData("| V16 | 0.00199800199800 | 0.00598801198801 | 0.189910089910 | 294 |", "| V16 | 0.00199800199800 | 0.00598801198801 | 0.189910089910 | 295 |", "V16", "nakamoto_1/2")]
    [InlineData("| 1, 1, 1 | 33/100 | 1 |", "| 1, 1, 1 | 33/100 | 2 |", "nakamoto [1, 1, 1] 33/100", "expected 2")]
    [InlineData("(3/5, 2/5), (4/5, 2/3)", "(3/5, 2/5), (4/5, 3/4)", "V03 lorenz points", "point 4")]
    [InlineData("| V17 | 251541 |", "| V17 | 251542 |", "V17", "n")]
    public void ATamperedFigure_FailsThatCase(string original, string tampered, string failingCase, string detail)
    {
        Assert.Contains(original, Spec.Value, StringComparison.Ordinal);
        var report = MetricsConformance.Run(Spec.Value.Replace(original, tampered, StringComparison.Ordinal));
        var failed = Assert.Single(report.Cases, c => !c.Passed);
        Assert.Equal(failingCase, failed.Id);
        Assert.Contains(detail, string.Join("; ", failed.Failures), StringComparison.Ordinal);
        Assert.Equal(1, report.Failed);
    }

    [Theory]
    [InlineData("| V04 | ramp | 1, 2, …, 10 |", "| V04 | ramp | 1, 2, …, x |", "'x' is not a number")]
    [InlineData("| V01 | 4 | 20 | 0 |", "| V01 | 4 | 20 | zero |", "neither a decimal number")]
    [InlineData("| vector | n | total | gini |", "| vector | n | total | ginny |", "unknown metric column 'ginny'")]
    [InlineData("| V01 | equal | 5, 5, 5, 5 |", "| V01 | equal | 5, 5, 5 | 5 |", "cells, the header has 3")]
    [InlineData("400 repeated 251,534 times", "400 repeated lots of times", "is not a number")]
    public void AMalformedFile_IsABadVectorFile_NamingTheLine(string original, string broken, string message)
    {
        var e = Assert.Throws<VectorFileException>(() => MetricsConformance.Run(Spec.Value.Replace(original, broken, StringComparison.Ordinal)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutTables_IsABadVectorFile()
    {
        Assert.Throws<VectorFileException>(() => MetricsConformance.Run("# nothing here\n\njust text\n"));
        Assert.False(MetricsConformance.IsMetricsMarkdown("{\"schema\": \"x\"}"));
        Assert.True(MetricsConformance.IsMetricsMarkdown(Spec.Value));
    }

    [Theory]
    [InlineData("1, 2, …, 10", 10, "10")]
    [InlineData("1, 2, 4, …, 512", 10, "512")]
    [InlineData("400 repeated 3 times, then 7, 8", 5, "8")]
    [InlineData("0.1, 0.2, 0.7", 3, "0.7")]
    public void Ranges_AndRepeats_Expand(string cell, int count, string last)
    {
        var values = MetricsSpecParser.ExpandHoldings(cell, 1);
        Assert.Equal(count, values.Length);
        Assert.Equal(last, values[^1]);
    }

    /// <summary>Finds shared/spec/metrics.md by walking up from the test's folder (the worktree's ../shared).</summary>
    internal static string SpecPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "spec", "metrics.md");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("shared/spec/metrics.md not found above " + AppContext.BaseDirectory);
    }
}
