namespace Fairshare.Compute.Benchmarking;

/// <summary>How much work a job is: its multiply-accumulates, and the work units they make.</summary>
/// <param name="MultiplyAccumulates">The MACs counted (saturating at <see cref="ulong.MaxValue"/>).</param>
public readonly record struct WorkEstimate(ulong MultiplyAccumulates)
{
    /// <summary>The work units: MACs / 10^6, rounded up.</summary>
    public ulong Units => WorkUnits.FromMacs(MultiplyAccumulates);
}
