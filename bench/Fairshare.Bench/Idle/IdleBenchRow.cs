namespace Fairshare.Bench.Idle;

/// <summary>
/// One mode of <c>fairshare bench idle</c>: the blocks an idle validator made in its timed run and what its data
/// directory grew by (beyond a run of the same mode stopped as soon as it led), and the growth of a day.
/// </summary>
/// <param name="SkipEmptyBlocks">Whether the validator ran with <c>--skip-empty-blocks</c>.</param>
/// <param name="Blocks">Blocks made in the timed run beyond the baseline run's.</param>
/// <param name="Seconds">The timed run's idle time, from its leader's election to the last height read.</param>
/// <param name="Growth">What the data directory grew by.</param>
/// <param name="BytesPerBlock">What one empty block adds to the growing stores (chain.db and index.db).</param>
/// <param name="BlocksPerDay">Empty blocks a day.</param>
public sealed record IdleBenchRow(bool SkipEmptyBlocks, ulong Blocks, double Seconds, IdleStoreBytes Growth, double BytesPerBlock, double BlocksPerDay)
{
    /// <summary>Seconds in a day.</summary>
    public const double SecondsPerDay = 86_400;

    /// <summary>The blocks a day at this run's rate.</summary>
    public double MeasuredBlocksPerDay => Blocks * SecondsPerDay / Seconds;

    /// <summary>Growth of the growing stores a day: bytes per block × blocks a day.</summary>
    public double BytesPerDay => BytesPerBlock * BlocksPerDay;
}
