using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Fairshare.Simulation.Rtt;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>Runs our plain-Python RTT-1000 (bench/peers/rtt_plain.py, embedded in the CLI) as a timed subprocess.</summary>
public static class PythonPeer
{
    private const string Resource = "bench/peers/rtt_plain.py";

    /// <summary>The python3 on the PATH, or null.</summary>
    public static string? FindInterpreter() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "python3")).FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="runs"/> RTT-1000 runs in <paramref name="python"/> and checks their hashes.</summary>
    public static PeerResult Run(string python, int runs, CancellationToken cancellation)
    {
        string script = Path.Combine(Path.GetTempPath(), $"fairshare-rtt-{Guid.NewGuid():N}.py");
        try
        {
            using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"{Resource} is not embedded"))
            using (var file = File.Create(script))
                stream.CopyTo(file);
            string version = Capture(python, ["--version"], cancellation).Output.Trim();
            var (output, seconds) = Capture(python, [script, "--runs", runs.ToString(CultureInfo.InvariantCulture)], cancellation);
            var hashes = ImmutableArray.CreateBuilder<string>();
            double loop = double.NaN;
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var json = JsonNode.Parse(line)!;
                if (json["fnv1a64"] is { } hash) hashes.Add(hash.GetValue<string>());
                if (json["seconds"] is { } s) loop = s.GetValue<double>();
            }

            var got = hashes.ToImmutable();
            return new PeerResult(version, runs, seconds, loop, got, got.SequenceEqual(RttReference.Rtt1000Hashes.Take(runs)) && got.Length == runs);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static (string Output, double Seconds) Capture(string file, string[] args, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new IOException($"could not start {file}");
        using var kill = cancellation.Register(() => process.Kill(entireProcessTree: true));
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        if (process.ExitCode != 0) throw new IOException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        return (stdout.Result + stderr.Result, seconds);
    }
}
