using System.Diagnostics;
using System.Text;
using Fairshare.Testing;

namespace Fairshare.E2E.Tests;

/// <summary>The built <c>fairshare</c> executable of this configuration, run as a child process.</summary>
public static class Cli
{
    /// <summary>The path of the CLI's app host next to the solution's build output.</summary>
    public static string Path { get; } = File.Exists(CliBuild.AppHost) ? CliBuild.AppHost : throw new FileNotFoundException($"build the solution first: {CliBuild.AppHost} is missing");

    /// <summary>Runs the CLI to its end (killed after <paramref name="timeout"/>); returns the exit code and the output.</summary>
    public static (int Code, string Output) Run(TimeSpan timeout, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("FAIRSHARE_NODE");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }

        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
