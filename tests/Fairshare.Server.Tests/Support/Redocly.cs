using System.Diagnostics;
using System.Text;
using Fairshare.Testing;

namespace Fairshare.Server.Tests.Support;

/// <summary>
/// Redocly CLI as <c>scripts/redocly.sh</c> installs it (the version and sha512 <c>eng/redocly/package-lock.json</c>
/// pins; the script fetches nothing when it is there), run with the rules of <c>eng/redocly/redocly.yaml</c>. A missing
/// Node.js or npm is a failure that says what to run, never a skip.
/// </summary>
public static class Redocly
{
    /// <summary>The rules the document is linted with.</summary>
    public static string Config => Path.Combine(RealModels.RepositoryRoot, "eng", "redocly", "redocly.yaml");

    /// <summary><c>redocly lint --format=json</c> of <paramref name="document"/> (a path or URL): its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Lint(string document)
    {
        string cli = Run("bash", [Path.Combine(RealModels.RepositoryRoot, "scripts", "redocly.sh")], out int installed).Trim();
        if (installed != 0 || !File.Exists(cli))
            throw new InvalidOperationException($"Redocly CLI is not installed ({cli}): run 'bash scripts/setup.sh' (or 'bash scripts/redocly.sh'; it needs Node.js and npm)");
        string output = Run("node", [cli, "lint", document, "--config", Config, "--format=json"], out int exitCode);
        return (exitCode, output);
    }

    private static string Run(string file, string[] args, out int exitCode)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // No telemetry and no update check: the lint talks to nothing but the node it lints.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        process.WaitForExit();
        exitCode = process.ExitCode;
        if (exitCode == 0) return stdout;
        lock (stderr) return stdout + stderr;
    }
}
