using System.Collections.Immutable;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>What <c>fairshare bench sim</c> measures.</summary>
/// <param name="Repetitions">Timed repetitions of the 10 RTT-1000 runs (the median is reported).</param>
/// <param name="PeerRuns">RTT-1000 runs of the plain-Python peer (0 = no peer); its time is scaled to 10 runs.</param>
/// <param name="Population">Whether to measure memory per agent and the largest population in <paramref name="MemoryGiB"/>.</param>
/// <param name="PopulationScenario">The scenario whose model and parameters the population probe runs.</param>
/// <param name="AgentsParameter">The model parameter that sets the number of agents.</param>
/// <param name="PopulationSizes">The populations measured.</param>
/// <param name="PopulationSteps">Steps of each population run.</param>
/// <param name="MemoryGiB">The memory budget the largest population must fit.</param>
public sealed record SimBenchOptions(
    int Repetitions = 3,
    int PeerRuns = 10,
    bool Population = false,
    string PopulationScenario = "rtt-1000",
    string AgentsParameter = "agents",
    ImmutableArray<int> PopulationSizes = default,
    int PopulationSteps = 1000,
    double MemoryGiB = 24)
{
    /// <summary>Throws <see cref="CliUsageException"/> for values that cannot run.</summary>
    public void Validate()
    {
        if (Repetitions is < 1 or > 100) throw new CliUsageException("--repeat must be 1–100");
        if (PeerRuns is < 0 or > 10) throw new CliUsageException("--peer-runs must be 0–10 (0 skips the Python peer)");
        if (PopulationSteps < 1) throw new CliUsageException("--population-steps must be positive");
        if (!PopulationSizes.IsDefaultOrEmpty && PopulationSizes.Any(n => n < 2)) throw new CliUsageException("--population-sizes must be agent counts of at least 2");
        if (MemoryGiB <= 0) throw new CliUsageException("--memory-gb must be positive");
    }
}
