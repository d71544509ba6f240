using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Fairshare.Compute.Hardware;

/// <summary>
/// Detects the machine: CPU and memory from <c>/proc/cpuinfo</c> and <c>/proc/meminfo</c>, NVIDIA GPUs from
/// <c>nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader</c>. A machine without
/// <c>nvidia-smi</c> (or whose driver is not loaded) has no GPUs; that is normal, not an error. The parsers are public
/// so they can be tested on sample text.
/// </summary>
public static class HardwareProbe
{
    /// <summary>The arguments given to <c>nvidia-smi</c>.</summary>
    public const string NvidiaSmiArguments = "--query-gpu=name,memory.total,driver_version --format=csv,noheader";

    private static readonly TimeSpan NvidiaSmiTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Detects this machine. Cores are the smaller of <c>/proc/cpuinfo</c>'s count and what the runtime lets this
    /// process use (a container's CPU limit); without <c>/proc</c> the runtime's figures and intrinsics are used.
    /// </summary>
    public static HardwareProfile Detect()
    {
        var cpu = ParseCpuInfo(ReadOrEmpty("/proc/cpuinfo"));
        int cores = cpu.LogicalCores > 0 ? Math.Min(cpu.LogicalCores, Environment.ProcessorCount) : Environment.ProcessorCount;
        bool procMissing = cpu.LogicalCores == 0;
        return new HardwareProfile(
            cpu.Model,
            cores,
            ParseMemInfo(ReadOrEmpty("/proc/meminfo")),
            ParseNvidiaSmi(RunNvidiaSmi()),
            procMissing ? System.Runtime.Intrinsics.X86.Avx2.IsSupported : cpu.Avx2,
            procMissing ? System.Runtime.Intrinsics.X86.Avx512F.IsSupported : cpu.Avx512);
    }

    /// <summary>Parses the text of <c>/proc/cpuinfo</c> (x86 or ARM; missing fields give <c>unknown</c>, 0, false).</summary>
    public static CpuInfo ParseCpuInfo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? model = null;
        string[]? flags = null;
        int processors = 0;
        foreach (var (key, value) in Fields(text))
        {
            if (key == "processor") processors++;
            else if (key == "model name") model ??= value;
            else if (key is "flags" or "Features") flags ??= value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        flags ??= [];
        return new CpuInfo(string.IsNullOrEmpty(model) ? "unknown" : model, processors, flags.Contains("avx2"), flags.Contains("avx512f"));
    }

    /// <summary>Total memory in MiB from the text of <c>/proc/meminfo</c> (<c>MemTotal: N kB</c>); 0 when absent.</summary>
    public static long ParseMemInfo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (key, value) in Fields(text))
        {
            if (key != "MemTotal") continue;
            string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[1] == "kB" && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
                return kb / 1024;
        }

        return 0;
    }

    /// <summary>
    /// The GPUs in <c>nvidia-smi</c>'s CSV (<c>NVIDIA H200, 143771 MiB, 565.57.01</c> per line; the unit is optional).
    /// Lines that do not have that form are skipped.
    /// </summary>
    public static ImmutableArray<GpuInfo> ParseNvidiaSmi(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var gpus = ImmutableArray.CreateBuilder<GpuInfo>();
        foreach (string line in csv.Split('\n'))
        {
            string[] cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length != 3 || cells[0].Length == 0 || cells[2].Length == 0) continue;
            string memory = cells[1].EndsWith(" MiB", StringComparison.Ordinal) ? cells[1][..^4] : cells[1];
            if (!long.TryParse(memory, NumberStyles.None, CultureInfo.InvariantCulture, out long mb)) continue;
            gpus.Add(new GpuInfo(cells[0], mb, cells[2]));
        }

        return gpus.ToImmutable();
    }

    /// <summary>"key : value" lines, keys and values trimmed; other lines skipped.</summary>
    private static IEnumerable<(string Key, string Value)> Fields(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) yield return (line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string RunNvidiaSmi()
    {
        var start = new ProcessStartInfo("nvidia-smi", NvidiaSmiArguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null) return "";
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(NvidiaSmiTimeout))
            {
                process.Kill();
                return "";
            }

            return process.ExitCode == 0 ? output.Result : "";
        }
        catch (Win32Exception)
        {
            return ""; // no nvidia-smi on PATH: a machine without NVIDIA GPUs
        }
    }
}
