using BenchmarkDotNet.Attributes;
using Fairshare.Simulation.Rtt;
using Fairshare.Simulation.Runs;

namespace Fairshare.Benchmarks;

/// <summary>
/// One RTT-1000 run (1,000 agents × 1,000 steps = 10^6 transfers, then its exact metrics and hash), the unit of the
/// research note's peer benchmark (run: dotnet run -c Release --project bench/Fairshare.Benchmarks -- --filter '*Simulation*').
/// 'fairshare bench sim' times the ten runs beside the Python peer.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private readonly RttModel _model = new();

    /// <summary>Run 1 of RTT-1000, whose hash must be 7df08590875e075c.</summary>
    [Benchmark]
    public string? Rtt1000Run() => _model.Run([], new RunContext(1, RttReference.SeedBase + 1, 1000)).Fingerprint;

    /// <summary>The steps alone (no metrics): 1,000 timesteps of 1,000 transfers.</summary>
    [Benchmark]
    public ulong Rtt1000Steps()
    {
        var simulation = new RttSimulation(1000, 1000, RttReference.SeedBase + 1);
        for (int i = 0; i < 1000; i++) simulation.Step();
        return simulation.RngState;
    }
}
