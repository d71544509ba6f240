namespace Fairshare.Compute.Benchmarking;

/// <summary>One timed workload of the standard benchmark.</summary>
/// <param name="Workload">What ran, e.g. <c>mlp 256-512-512-10, batch 64</c>.</param>
/// <param name="Backend">The runner's backend.</param>
/// <param name="MultiplyAccumulates">The MACs of all timed runs together.</param>
/// <param name="Runs">How many runs were timed (after the warm-up).</param>
/// <param name="Elapsed">The wall time of the timed runs.</param>
public sealed record BenchmarkPart(string Workload, string Backend, ulong MultiplyAccumulates, int Runs, TimeSpan Elapsed)
{
    /// <summary>The measured rate in work units per second.</summary>
    public ulong WorkUnitsPerSecond => WorkUnits.PerSecond(MultiplyAccumulates, Elapsed);
}
