using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Fairshare.Testnet;

/// <summary>
/// Starts child processes with their output appended to a log file (through <c>/bin/sh -c 'exec …'</c>, so the output
/// goes straight to the file and the child outlives a detached parent), and stops processes cleanly: SIGTERM, then
/// SIGKILL after a grace period. A process is only signalled while its start time still matches the one recorded, so
/// a reused pid is never hit. Unix only (Linux, macOS).
/// </summary>
public sealed class ProcessSupervisor : IDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    private readonly List<(SupervisedProcess Info, Process Process)> _children = [];

    /// <summary>The processes started so far, in start order.</summary>
    public IReadOnlyList<SupervisedProcess> Children => [.. _children.Select(c => c.Info)];

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>, its stdout and stderr appended to <paramref name="logPath"/>.</summary>
    public SupervisedProcess Start(string name, string fileName, IEnumerable<string> arguments, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("process supervision needs a Unix system");
        var args = arguments.ToImmutableArray();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // $0 is the log file, $1… the command: the shell replaces itself with the command, so the pid is the command's.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=$0; exec \"$@\" >>\"$log\" 2>&1 </dev/null");
        info.ArgumentList.Add(Path.GetFullPath(logPath));
        info.ArgumentList.Add(fileName);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var started = new SupervisedProcess(name, process.Id, StartTime(process) ?? DateTimeOffset.Now, fileName, args, logPath);
        _children.Add((started, process));
        return started;
    }

    /// <summary>Stops every child, the last started first; returns the names of those that had to be killed.</summary>
    public IReadOnlyList<string> StopAll(TimeSpan grace)
    {
        var killed = new List<string>();
        for (int i = _children.Count - 1; i >= 0; i--)
        {
            var (info, process) = _children[i];
            if (Stop(process, grace)) killed.Add(info.Name);
        }

        return killed;
    }

    /// <summary>Whether the child is still running.</summary>
    public bool IsRunning(SupervisedProcess child) => _children.First(c => c.Info == child).Process is { } p && !HasExited(p);

    /// <summary>
    /// Stops a process this one did not start (e.g. from <c>testnet.json</c>): SIGTERM, then SIGKILL after
    /// <paramref name="grace"/>. Does nothing when no process with that pid and start time runs. True when it had to kill.
    /// </summary>
    public static bool Stop(int pid, DateTimeOffset startedAt, TimeSpan grace)
    {
        var process = Find(pid, startedAt);
        if (process is null) return false;
        using (process) return Stop(process, grace);
    }

    /// <summary>Whether a process with that pid and start time runs.</summary>
    public static bool IsAlive(int pid, DateTimeOffset startedAt)
    {
        using var process = Find(pid, startedAt);
        return process is not null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (_, process) in _children) process.Dispose();
        _children.Clear();
    }

    private static bool Stop(Process process, TimeSpan grace)
    {
        if (HasExited(process)) return false;
        _ = Kill(process.Id, SigTerm);
        if (process.WaitForExit(grace)) return false;
        _ = Kill(process.Id, SigKill);
        process.WaitForExit(TimeSpan.FromSeconds(5));
        return true;
    }

    private static Process? Find(int pid, DateTimeOffset startedAt)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!HasExited(process) && StartTime(process) is { } actual && (actual - startedAt).Duration() <= StartTimeTolerance) return process;
        process.Dispose();
        return null;
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static DateTimeOffset? StartTime(Process process)
    {
        try
        {
            return process.StartTime;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
