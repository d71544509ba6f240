using System.Diagnostics;

namespace Fairshare.Cli.Tests;

/// <summary>Starts the real fairshare executable (dotnet fairshare.dll) with its own data directory.</summary>
public sealed class CliProcess : IDisposable
{
    public CliProcess(string? executable = null)
    {
        _executable = executable ?? Executable;
        Home = Path.Combine(Path.GetTempPath(), "fairshare-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
    }

    private readonly string _executable;

    /// <summary>The data directory (FAIRSHARE_HOME) of this test.</summary>
    public string Home { get; }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "fairshare.dll");

    /// <summary>
    /// The CLI's own build output (src/Fairshare.Cli/bin/CONFIG/TFM/fairshare.dll). A command that starts
    /// 'fairshare node start' children needs it: next to the tests, the ASP.NET Core framework reference of the test
    /// project leaves out the newer Microsoft.Extensions packages the CLI's deps.json asks for, so a node cannot start
    /// from there.
    /// </summary>
    public static string OwnBuildExecutable => Fairshare.Testing.CliBuild.Dll;

    public ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_executable);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["FAIRSHARE_HOME"] = Home;
        info.Environment.Remove("FAIRSHARE_PASSPHRASE");
        info.Environment.Remove("FAIRSHARE_PASSPHRASE_FILE");
        info.Environment.Remove("FAIRSHARE_NODE");
        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    public CliRun Run(params string[] args) => RunWith(null, args);

    public CliRun RunWith(IReadOnlyDictionary<string, string>? environment, params string[] args) => RunWithInput(null, environment, args);

    /// <summary>Runs with <paramref name="input"/> on standard input (none when null), which is then closed: never a terminal.</summary>
    public CliRun RunWithInput(string? input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(args);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("fairshare " + string.Join(' ', args) + " did not finish");
        }

        // Every JSON document a test gets is held to the CLI's casing, whatever the test goes on to check.
        if (args.Contains("--json") && stdout.Result.Length > 0) JsonKeyCheck.AssertOneDocument(string.Join(' ', args.TakeWhile(a => !a.StartsWith('-'))), stdout.Result);
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        if (Directory.Exists(Home)) Directory.Delete(Home, recursive: true);
    }
}
