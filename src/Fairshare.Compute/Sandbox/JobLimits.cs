namespace Fairshare.Compute.Sandbox;

/// <summary>
/// What one job may take from a provider. A provider computes them from the chain (docs/compute.md, "Limits"): the
/// run time from <c>market.run-time-factor</c>, the job's work units and its own benchmark score plus an allowance for
/// loading the model; the memory from the job's minimum memory; the blob sizes from <c>market.max-model-bytes</c> and
/// <c>market.max-input-bytes</c>. For a job of several items the limits hold for the whole job, not for each item.
/// </summary>
/// <param name="RunTime">Wall time for the run, model loading included; past it the run is stopped (<see cref="ComputeError.RunTimeExceeded"/>).</param>
/// <param name="MemoryBytes">How much the run may add to the process's resident memory; past it the run is stopped (<see cref="ComputeError.MemoryLimitExceeded"/>).</param>
/// <param name="MaxModelBytes">The largest model blob it runs (<see cref="ComputeError.ModelTooLarge"/>).</param>
/// <param name="MaxInputBytes">The largest input blob it runs (<see cref="ComputeError.InputTooLarge"/>).</param>
public sealed record JobLimits(TimeSpan RunTime, long MemoryBytes, long MaxModelBytes, long MaxInputBytes)
{
    /// <summary>The market's default blob limit (<c>market.max-model-bytes</c> and <c>max-input-bytes</c>): 64 MiB.</summary>
    public const long DefaultMaxBlobBytes = 64L << 20;

    /// <summary>
    /// The fixed allowance added to every run time for loading the model (parsing, graph optimisation, first-run
    /// allocations): 10 s, which covers a 64 MiB model on one slow core many times over.
    /// </summary>
    public static readonly TimeSpan ModelLoadAllowance = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest output it delivers; a larger one becomes <see cref="ComputeError.OutputTooLarge"/>. Not sent to the
    /// sandbox's worker: the output is measured once written. Unlimited unless set (a market job: the chain's largest
    /// blob, <c>MarketParams.MaxBlobBytes</c>).
    /// </summary>
    public long MaxOutputBytes { get; init; } = long.MaxValue;

    /// <summary>Generous limits for callers that run their own, trusted work (benchmarks, tools): an hour, 64 GiB, 4 GiB blobs.</summary>
    public static JobLimits Trusted { get; } = new(TimeSpan.FromHours(1), 64L << 30, 4L << 30, 4L << 30);

    /// <summary>
    /// The limits of a market job: <c>runTimeFactor × workUnits ÷ unitsPerSecond</c> seconds plus
    /// <paramref name="loadAllowance"/> (default <see cref="ModelLoadAllowance"/>), <paramref name="memoryMb"/> MiB, and
    /// the two blob limits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A zero score or factor, or a memory or blob limit below 1.</exception>
    public static JobLimits ForMarketJob(
        ulong workUnits, ulong unitsPerSecond, uint runTimeFactor, ulong memoryMb, ulong maxModelBytes, ulong maxInputBytes, TimeSpan? loadAllowance = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(unitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfZero(runTimeFactor);
        ArgumentOutOfRangeException.ThrowIfZero(memoryMb);
        ArgumentOutOfRangeException.ThrowIfZero(maxModelBytes);
        ArgumentOutOfRangeException.ThrowIfZero(maxInputBytes);
        // UInt128 keeps factor × units exact; a run longer than a day is capped there (no job deadline is that long).
        var milliseconds = (UInt128)runTimeFactor * workUnits * 1000 / unitsPerSecond;
        var run = milliseconds >= (UInt128)TimeSpan.FromDays(1).TotalMilliseconds ? TimeSpan.FromDays(1) : TimeSpan.FromMilliseconds((double)milliseconds);
        return new JobLimits(
            run + (loadAllowance ?? ModelLoadAllowance),
            (long)Math.Min(memoryMb, (ulong)long.MaxValue >> 20) << 20,
            (long)Math.Min(maxModelBytes, long.MaxValue),
            (long)Math.Min(maxInputBytes, long.MaxValue));
    }

    /// <summary>Throws when a limit is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit of zero or less.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RunTime, TimeSpan.Zero, nameof(RunTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(MemoryBytes, 1, nameof(MemoryBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxModelBytes, 1, nameof(MaxModelBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInputBytes, 1, nameof(MaxInputBytes));
    }
}
