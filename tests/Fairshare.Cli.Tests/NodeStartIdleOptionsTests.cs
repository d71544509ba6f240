namespace Fairshare.Cli.Tests;

/// <summary>
/// <c>node start --skip-empty-blocks [--idle-block-ms N]</c>: a bad interval is a usage error (exit 2, one line) before
/// anything opens, like a bad <c>--block-time-ms</c>.
/// </summary>
public sealed class NodeStartIdleOptionsTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("--skip-empty-blocks", "--idle-block-ms", "199", "--idle-block-ms must be between --block-time-ms (200) and 86400000")]
    [InlineData("--skip-empty-blocks", "--idle-block-ms", "86400001", "--idle-block-ms must be between --block-time-ms (200) and 86400000")]
    [InlineData("--idle-block-ms", "5000", "", "--idle-block-ms needs --skip-empty-blocks")]
    public void NodeStart_WithABadIdleInterval_IsAUsageError(string first, string second, string third, string message)
    {
        string[] args = ["node", "start", first, second, .. third.Length == 0 ? Array.Empty<string>() : [third]];
        var run = _cli.Run(args);
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: {message} [usage]", line);
    }
}
