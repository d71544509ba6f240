using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>A CLI test on its own fresh, initialised data directory, with the checks every CLI test uses.</summary>
public abstract class CliTestBase : IDisposable
{
    /// <summary>Runs `fairshare init` on a fresh data directory.</summary>
    protected CliTestBase()
    {
        var init = Cli.Run("init", "--json");
        Assert.True(init.ExitCode == 0, init.ToString());
    }

    /// <summary>The CLI, as real processes on the test's data directory.</summary>
    protected CliProcess Cli { get; } = new();

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the data directory.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Cli.Dispose();
    }

    /// <summary>Runs a command with --json, asserts it succeeded, and parses its output.</summary>
    protected JsonNode Json(params string[] args)
    {
        var run = Cli.Run([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Stdout)!;
    }

    /// <summary>Runs a command and asserts it succeeded.</summary>
    protected void Ok(params string[] args)
    {
        var run = Cli.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>Asserts the run failed with the exit code and one `error: …` line on stderr that names the cause.</summary>
    protected static void AssertOneLineError(CliRun run, int exitCode, string mustContain)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(mustContain, line, StringComparison.Ordinal);
    }
}
