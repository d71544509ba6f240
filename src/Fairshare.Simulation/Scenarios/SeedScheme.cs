namespace Fairshare.Simulation.Scenarios;

/// <summary>How a run's seed follows from the scenario's seed and the run's number.</summary>
public enum SeedScheme
{
    /// <summary>A SplitMix64 sub-stream of the scenario seed per run (independent streams; the default).</summary>
    Derived = 0,

    /// <summary>The scenario seed plus the run number (RTT-1000: <c>0x5EED0000 + run</c>, as the research note seeds it).</summary>
    Offset = 1,
}
