using System.CommandLine;
using System.Diagnostics;
using Fairshare.Cli.Output;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare bench …</c>: a thin launcher. The benchmarks live outside the shipped assemblies, in
/// <c>bench/Fairshare.Bench</c> (<c>fairshare-bench</c>); this finds that build and runs it with the same arguments,
/// passing its output and exit code through. <c>$FAIRSHARE_BENCH</c> names the executable or dll explicitly.
/// </summary>
public static class BenchLauncher
{
    /// <summary>The environment variable that names <c>fairshare-bench</c> (its dll or app host).</summary>
    public const string EnvironmentVariable = "FAIRSHARE_BENCH";

    /// <summary>The command as <c>fairshare --help</c> lists it (its arguments are the benchmarks' own).</summary>
    public static Command Create()
    {
        var rest = new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore, Description = "a benchmark and its options (ledger, job, gpu, cluster, idle, sim, report)" };
        var command = new Command("bench", """
            Measure whole-system figures, each beside its limit or a peer measured in the same run: ledger, job, gpu,
            cluster, idle, sim, report. Runs fairshare-bench (bench/Fairshare.Bench, built by 'scripts/fairshare.sh bench' in a
            clone of the repository; $FAIRSHARE_BENCH names another build). 'fairshare bench --help' lists them.
            """)
        {
            rest,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parsed => Launch([.. parsed.GetValue(rest) ?? [], .. parsed.UnmatchedTokens]));
        return command;
    }

    /// <summary>
    /// When the command line names <c>bench</c> (after any global options), the arguments to hand to
    /// <c>fairshare-bench</c>: everything but that word, in order; otherwise null.
    /// </summary>
    public static string[]? BenchArguments(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "bench") return [.. args[..i], .. args[(i + 1)..]];
            if (arg is "--data" or "--node") i++;
            else if (!arg.StartsWith('-')) return null;
        }

        return null;
    }

    /// <summary>Runs <c>fairshare-bench</c> with <paramref name="args"/>; its exit code, or 1 when it cannot be found.</summary>
    public static int Launch(string[] args)
    {
        var target = Find();
        if (target is null)
        {
            Console.Error.WriteLine("error: the benchmarks are not part of this CLI: in a clone of the repository run "
                + $"'scripts/fairshare.sh bench {string.Join(' ', args)}' (it builds bench/Fairshare.Bench), or set ${EnvironmentVariable} to fairshare-bench [bench_not_found]");
            return ExitCodes.Failure;
        }

        var start = new ProcessStartInfo(target.Value.Host) { UseShellExecute = false };
        if (target.Value.Dll is { } dll) start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("fairshare-bench did not start");
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The host and dll of <c>fairshare-bench</c>: <c>$FAIRSHARE_BENCH</c>, else the build beside this CLI's in the repository.</summary>
    private static (string Host, string? Dll)? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named)
            return File.Exists(named) ? Of(named) : null;
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        // Built from a clone: src/Fairshare.Cli/bin/CONFIG/TFM; the benchmarks are at bench/Fairshare.Bench/bin/CONFIG/TFM.
        string tfm = here.Name, configuration = here.Parent?.Name ?? "Release";
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Fairshare.slnx"))) continue;
            string dll = Path.Combine(dir.FullName, "bench", "Fairshare.Bench", "bin", configuration, tfm, "fairshare-bench.dll");
            return File.Exists(dll) ? Of(dll) : null;
        }

        return null;
    }

    private static (string Host, string? Dll) Of(string path)
    {
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return (path, null);
        string? current = Environment.ProcessPath;
        string host = current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        return (host, path);
    }
}
