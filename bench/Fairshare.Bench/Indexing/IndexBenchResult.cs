namespace Fairshare.Bench.Indexing;

/// <summary>Figures of one <see cref="IndexBenchmark"/> run on one backend.</summary>
public sealed record IndexBenchResult(int Blocks, int Events, int BlocksPerCall, double IndexSeconds, double AccountQueryMs, int AccountQueryFlows)
{
    /// <summary>Events indexed per second (blocks, transactions and events all written).</summary>
    public double EventsPerSecond => Events / IndexSeconds;
}
