using System.Diagnostics;
using System.Globalization;

namespace Fairshare.Compute.Sandbox;

/// <summary>
/// Resident memory of a process, as the kernel counts it: <c>/proc/self/statm</c> (resident pages) for this process and
/// <c>VmRSS</c> of <c>/proc/PID/status</c> for another. Where <c>/proc</c> is missing, .NET's working set stands in.
/// </summary>
public static class ProcessMemory
{
    /// <summary>This process's resident bytes.</summary>
    public static long SelfResidentBytes()
    {
        try
        {
            return ParseStatm(File.ReadAllText("/proc/self/statm"), Environment.SystemPageSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
    }

    /// <summary>The resident bytes of process <paramref name="pid"/>; null when it is gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            return ParseStatusVmRss(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Resident bytes from the text of <c>statm</c> (the second field, in pages); 0 when malformed.</summary>
    public static long ParseStatm(string text, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long pages) ? pages * pageSize : 0;
    }

    /// <summary>Resident bytes from the text of <c>/proc/PID/status</c> (<c>VmRSS: N kB</c>); 0 when absent (a zombie).</summary>
    public static long ParseStatusVmRss(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var value = line.AsSpan(6).Trim();
            if (value.EndsWith("kB", StringComparison.Ordinal)) value = value[..^2].Trim();
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long kb) ? kb * 1024 : 0;
        }

        return 0;
    }
}
