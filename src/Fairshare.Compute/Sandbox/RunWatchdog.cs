using System.Diagnostics;

namespace Fairshare.Compute.Sandbox;

/// <summary>
/// Watches one run against its <see cref="JobLimits"/> from a thread of its own: every few milliseconds it compares
/// the wall time with <see cref="JobLimits.RunTime"/> and this process's resident memory, less what it was when the
/// watch began, with <see cref="JobLimits.MemoryBytes"/>. The first limit crossed trips <see cref="Token"/> (a runner
/// sets ONNX Runtime's <c>RunOptions.Terminate</c> from it) and is kept in <see cref="Tripped"/>. Its own thread keeps
/// watching while the runner's thread is busy in native code and the thread pool is starved.
/// </summary>
public sealed class RunWatchdog : IDisposable
{
    /// <summary>How often the limits are checked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly JobLimits _limits;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _trip = new();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;
    private readonly long _baseline;
    private long _peakAdded;
    private int _tripped;

    private RunWatchdog(JobLimits limits)
    {
        limits.Validate();
        _limits = limits;
        _baseline = ProcessMemory.SelfResidentBytes();
        _thread = new Thread(Watch) { IsBackground = true, Name = "run watchdog" };
        _thread.Start();
    }

    /// <summary>Trips on the first limit crossed (never on a disposed watch).</summary>
    public CancellationToken Token => _trip.Token;

    /// <summary><see cref="ComputeError.RunTimeExceeded"/>, <see cref="ComputeError.MemoryLimitExceeded"/>, or <see cref="ComputeError.None"/>.</summary>
    public ComputeError Tripped => (ComputeError)Volatile.Read(ref _tripped);

    /// <summary>Time since the watch began.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The most resident memory seen above the starting level.</summary>
    public long PeakAddedBytes => Interlocked.Read(ref _peakAdded);

    /// <summary>Starts watching, with the resident memory of this moment as the baseline.</summary>
    public static RunWatchdog Start(JobLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new RunWatchdog(limits);
    }

    /// <summary>A message for the limit that tripped, e.g. <c>the run took longer than its limit of 12.5 s</c>.</summary>
    public string Describe() => Tripped switch
    {
        ComputeError.RunTimeExceeded => $"the run took longer than its limit of {_limits.RunTime.TotalSeconds:0.###} s",
        ComputeError.MemoryLimitExceeded => $"the run used {PeakAddedBytes >> 20} MiB, over its limit of {_limits.MemoryBytes >> 20} MiB",
        _ => "no limit was crossed",
    };

    /// <summary>Checks once more (a limit crossed between the last check and the end of the run counts), then stops.</summary>
    public void Dispose()
    {
        if (_stop.IsSet) return;
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
        _trip.Dispose();
    }

    private void Watch()
    {
        do
        {
            if (Check()) return;
        }
        while (!_stop.Wait(Interval));
        Check();
    }

    private bool Check()
    {
        long added = ProcessMemory.SelfResidentBytes() - _baseline;
        if (added > Interlocked.Read(ref _peakAdded)) Interlocked.Exchange(ref _peakAdded, added);
        if (added > _limits.MemoryBytes) return Trip(ComputeError.MemoryLimitExceeded);
        return _clock.Elapsed > _limits.RunTime && Trip(ComputeError.RunTimeExceeded);
    }

    private bool Trip(ComputeError error)
    {
        if (Interlocked.CompareExchange(ref _tripped, (int)error, 0) != 0) return true;
        _trip.Cancel();
        return true;
    }
}
