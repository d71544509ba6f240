using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Cli.Sim;
using Fairshare.Simulation.Rtt;
using Fairshare.Simulation.Runs;
using Fairshare.Simulation.Scenarios;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Simulation;

/// <summary>
/// RTT-1000 (10 runs) through the simulator's own runner, one thread and parallel over runs, every hash checked;
/// beside it the plain-Python peer in the same run, and optionally the population probe.
/// </summary>
public static class SimBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    public static SimBenchResult Run(SimBenchOptions options, Action<string> stage, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stage);
        var scenario = ShippedScenarios.Resolve("rtt-1000") with { SampleEvery = 0 };
        var plan = ExperimentPlan.Create(scenario, ModelRegistry.Default);
        stage("warm-up: one RTT-1000 run");
        new SimulationRunner(1).Run(ExperimentPlan.Create(scenario, ModelRegistry.Default, new ExperimentOptions(Runs: 1)), null, cancellation);
        int cores = Environment.ProcessorCount;
        bool match = true;
        ImmutableArray<string> hashes = [];
        double Time(int parallelism)
        {
            var seconds = new List<double>();
            for (int i = 0; i < options.Repetitions; i++)
            {
                stage($"RTT-1000, 10 runs, {(parallelism == 1 ? "one thread" : $"{parallelism} runs at once")}: repetition {i + 1} of {options.Repetitions}");
                var clock = Stopwatch.StartNew();
                var result = new SimulationRunner(parallelism).Run(plan, null, cancellation);
                seconds.Add(clock.Elapsed.TotalSeconds);
                hashes = [.. result.Records.Select(r => r.Outcome.Fingerprint ?? "")];
                match &= hashes.SequenceEqual(RttReference.Rtt1000Hashes);
            }

            return Median(seconds);
        }

        double single = Time(1), parallel = Time(cores);
        PeerResult? peer = null;
        string? peerNote = null;
        if (options.PeerRuns == 0) peerNote = "skipped (--peer-runs 0)";
        else if (PythonPeer.FindInterpreter() is not { } python) peerNote = "python3 is not on the PATH";
        else
        {
            stage($"plain-Python peer: {options.PeerRuns} RTT-1000 run(s)");
            peer = PythonPeer.Run(python, options.PeerRuns, cancellation);
        }

        PopulationResult? population = null;
        if (options.Population)
        {
            var probed = ShippedScenarios.Resolve(options.PopulationScenario) with { SampleEvery = 0 };
            var sizes = options.PopulationSizes.IsDefaultOrEmpty ? [100_000, 1_000_000, 10_000_000] : options.PopulationSizes;
            population = PopulationProbe.Measure(probed, options.AgentsParameter, sizes, options.PopulationSteps, (long)(options.MemoryGiB * (1L << 30)), stage, cancellation);
        }

        return new SimBenchResult(plan.Runs, options.Repetitions, single, parallel, cores, hashes, match, peer, peerNote, population);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
