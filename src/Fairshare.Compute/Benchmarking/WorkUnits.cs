namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// The market's unit of work: one work unit is 10^6 multiply-accumulates (MACs). Job specs carry a work estimate in
/// units, offers a benchmark score in units per second, and prices are per unit.
/// </summary>
public static class WorkUnits
{
    /// <summary>Multiply-accumulates per work unit.</summary>
    public const ulong MacsPerUnit = 1_000_000;

    /// <summary>The work units of <paramref name="macs"/> MACs, rounded up (any work costs at least one unit).</summary>
    public static ulong FromMacs(ulong macs) => macs / MacsPerUnit + (macs % MacsPerUnit == 0 ? 0UL : 1UL);

    /// <summary>The rate of <paramref name="macs"/> MACs done in <paramref name="elapsed"/>, in work units per second (rounded down).</summary>
    public static ulong PerSecond(ulong macs, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? (ulong)(macs / elapsed.TotalSeconds / MacsPerUnit) : 0;
}
