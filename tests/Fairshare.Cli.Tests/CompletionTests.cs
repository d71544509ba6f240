using System.Diagnostics;

namespace Fairshare.Cli.Tests;

/// <summary>
/// Issue 20, "a completion command": the bash script <c>fairshare completion bash</c> prints is sourced in a real bash
/// and completes commands, subcommands and options by asking the CLI; zsh gets its own script; other shells are a
/// usage error.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("fairshare dex s", "swap")]
    [InlineData("fairshare tra", "transfer")]
    [InlineData("fairshare transfer --am", "--amount")]
    [InlineData("fairshare keys rec", "recover")]
    public async Task TheBashScript_CompletesFromTheCliItself(string line, string expected)
    {
        var words = line.Split(' ');
        var script = Path.Combine(_cli.Home, "complete.sh");
        File.WriteAllText(script, $$"""
            fairshare() { dotnet '{{CliProcess.Executable}}' "$@"; }
            source <(fairshare completion bash)
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{line}}); COMP_CWORD={{words.Length - 1}}
            _fairshare_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """);
        var info = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["FAIRSHARE_HOME"] = _cli.Home;
        using var bash = Process.Start(info)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await bash.WaitForExitAsync(timeout.Token);
        Assert.True(bash.ExitCode == 0, await stderr);
        Assert.Equal([expected], (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Zsh_GetsItsOwnScript_AndOtherShellsAreAUsageError()
    {
        var zsh = _cli.Run("completion", "zsh");
        Assert.True(zsh.ExitCode == 0, zsh.ToString());
        Assert.StartsWith("#compdef fairshare", zsh.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:${CURSOR}]", zsh.Stdout, StringComparison.Ordinal);
        Assert.Contains("compdef _fairshare fairshare", zsh.Stdout, StringComparison.Ordinal);

        var fish = _cli.Run("completion", "fish");
        Assert.True(fish.ExitCode == 2, fish.ToString());
        Assert.Contains("fish", fish.Stderr, StringComparison.Ordinal);
    }
}
