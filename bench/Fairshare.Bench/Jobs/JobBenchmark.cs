using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Agents;
using Fairshare.Agents.Demo;
using Fairshare.Agents.Jobs;
using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Bench.Jobs;

/// <summary>
/// <c>fairshare bench job</c>: one job's inference timed straight through ONNX Runtime and through the whole job path of
/// a local network (submit → match → the provider fetches the blobs, runs the job in its sandbox, stores the output →
/// commit → reveal → settle, every block signed, executed and stored in SQLite), in one run; then what each verification
/// policy costs in executions and in FSH per client job. The model is the caller's (<see cref="JobBenchOptions.Model"/>,
/// e.g. a real one with <c>.npy</c> inputs) or, by default, a generated MLP whose batch takes tens of milliseconds.
/// </summary>
public static class JobBenchmark
{
    /// <summary>The default benchmark model: an MLP whose one batch takes tens of milliseconds on one core.</summary>
    public const int Features = 1024, Batch = 256, Classes = 1000;

    /// <summary>Hidden layers of the default benchmark model.</summary>
    public static readonly int[] Hidden = [2048, 2048, 2048];

    /// <summary>Runs the benchmark in a temporary folder.</summary>
    public static JobBenchResult Run(JobBenchOptions options, Action<string>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = Path.Combine(Path.GetTempPath(), "fairshare-bench-job-" + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());
        try
        {
            return RunIn(root, options, stage ?? (_ => { }));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static JobBenchResult RunIn(string root, JobBenchOptions options, Action<string> stage)
    {
        stage(options.Model is null ? "building the benchmark model" : "checking the model and inputs");
        var blobs = new BlobStore(Path.Combine(root, "blobs"));
        byte[] modelBytes = options.Model ?? OnnxModelBuilder.Mlp(Features, Hidden, Classes, seed: 11);
        var inputs = options.Inputs ?? JobTensors.Single([TensorData.Float32(OnnxModelBuilder.InputName, [Batch, Features], SeededValues(Batch * Features))]);
        var prepared = JobChecks.Prepare(new JobRequest(modelBytes, inputs), MarketParams.Default with
        {
            MaxModelBytes = MarketParams.MaxBlobLimit,
            MaxInputBytes = MarketParams.MaxBlobLimit,
        });
        var model = blobs.Put(prepared.Model);
        var input = blobs.Put(prepared.Input);
        string described = options.ModelName
            ?? $"MLP {Features}→{string.Join("→", Hidden)}→{Classes}, batch {Batch}";

        stage("direct: ONNX Runtime, one thread");
        double direct = DirectMs(prepared, options.Jobs);

        stage($"whole path: local network, provider sandbox {options.SandboxName}");
        var spec = DemoRunner.InferenceSpec(model, input, prepared.WorkUnits, VerificationPolicy.SpotCheck, 1, deadlineBlocks: 200)
            with { MinMemoryMb = JobRequest.DefaultMinMemoryMb };
        // One warm-up job first (the provider loads the model into ONNX Runtime, as the direct run's warm-up does),
        // then the timed jobs, all submitted in one block.
        const ulong timedFrom = 12;
        var planned = Enumerable.Range(0, options.Jobs + 1).Select(i => new PlannedJob(i == 0 ? 3 : timedFrom, spec)).ToImmutableArray();
        var setup = Setup(Path.Combine(root, "path"), "fairshare-bench-path", 3, [new ClientProfile("client", planned)],
            [new GenesisParameter("market.spot-check-ppm", Amount.Zero), new GenesisParameter("market.probation-jobs", Amount.Zero)]);
        using var network = LocalNetwork.Create(setup, blobs, options.Sandbox?.Invoke());
        while (network.State.Head.Height < timedFrom) network.Step();
        if (network.Clients[0].Jobs(network.State)[0].Job is not { State: JobState.Settled })
            throw new InvalidOperationException("the warm-up job did not settle in time: " + string.Join("; ", network.Providers.Select(p => p.Stats.LastError)));
        var computeBefore = network.Providers.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Stats.ComputeTime);
        var watch = Stopwatch.StartNew();
        int blocks = network.RunUntilClientsDone(100_000);
        watch.Stop();
        var computed = network.Providers.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Stats.ComputeTime) - computeBefore;
        var done = network.Clients[0].Jobs(network.State).Skip(1).Select(j => j.Job!).ToList();
        if (done.Any(j => j.State != JobState.Settled)) throw new InvalidOperationException("a timed job did not settle");
        double latency = done.Average(j => (double)(j.ClosedHeight - j.CreatedHeight));
        double path = watch.Elapsed.TotalMilliseconds / options.Jobs;

        ImmutableArray<PolicyCost> costs = [];
        if (options.CostJobs > 0)
        {
            stage("cost of each verification policy");
            costs = PolicyCosts(root, blobs, options.CostJobs);
        }

        return new JobBenchResult(
            $"{described} ({prepared.WorkUnits:N0} work units, {prepared.Inputs.Items.Length} item(s))", options.SandboxName,
            options.Jobs, direct, computed.TotalMilliseconds / options.Jobs, path, (path - direct) / direct * 100, (ulong)blocks, latency, costs);
    }

    /// <summary>The job's items run straight through ONNX Runtime (the provider's session options), one job's worth per repetition, after a warm-up.</summary>
    private static double DirectMs(PreparedJob job, int runs)
    {
        var factory = new OnnxSessionFactory(ExecutionProvider.Cpu);
        var created = factory.Create(job.Model);
        if (!created.IsOk) throw new InvalidOperationException(created.Message);
        using var session = created.Value;
        var items = job.Inputs.Items.Select(item => item.Tensors.ToDictionary(t => t.Name, OrtTensors.ToOrtValue)).ToList();
        try
        {
            using var runOptions = new RunOptions();
            foreach (var item in items) RunOnce(session, runOptions, item);
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < runs; i++)
            {
                foreach (var item in items) RunOnce(session, runOptions, item);
            }

            return watch.Elapsed.TotalMilliseconds / runs;
        }
        finally
        {
            foreach (var value in items.SelectMany(i => i.Values)) value.Dispose();
        }
    }

    private static void RunOnce(InferenceSession session, RunOptions options, Dictionary<string, OrtValue> inputs)
    {
        using var outputs = session.Run(options, inputs.Keys.ToList(), inputs.Values.ToList(), session.OutputNames);
    }

    private static float[] SeededValues(int count)
    {
        var values = new float[count];
        var random = new Random(5);
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    private static ImmutableArray<PolicyCost> PolicyCosts(string root, BlobStore blobs, int jobs)
    {
        using var executor = new JobExecutor(blobs);
        var workload = DemoRunner.BuildWorkload(blobs, executor, jobs);
        var result = ImmutableArray.CreateBuilder<PolicyCost>();
        GenesisParameter[] steady = [new("market.probation-jobs", Amount.Zero)];
        result.Add(Cost(root, blobs, workload, "replicate k = 2", VerificationPolicy.Replicate, 2, canaryEvery: 0, [], expected: 2.0));
        result.Add(Cost(root, blobs, workload, "spot-check p = 0.1 (no probation)", VerificationPolicy.SpotCheck, 1, canaryEvery: 0, steady, expected: 1.1));
        result.Add(Cost(root, blobs, workload, "spot-check p = 0.1 (probation: first 10 slots of each provider checked)", VerificationPolicy.SpotCheck, 1, 0, [], expected: double.NaN));
        result.Add(Cost(root, blobs, workload, "canary: 1 known-answer job in 6", VerificationPolicy.Canary, 1, canaryEvery: 6, [], expected: 6.0 / 5.0));
        return result.ToImmutable();
    }

    private static PolicyCost Cost(string root, BlobStore blobs, DemoWorkload workload, string name, VerificationPolicy policy, byte replicas,
        int canaryEvery, GenesisParameter[] parameters, double expected)
    {
        var planned = workload.Inputs.Select((input, i) =>
        {
            bool canary = canaryEvery > 0 && i % canaryEvery == canaryEvery - 1;
            return new PlannedJob((ulong)(3 + i / 4), DemoRunner.InferenceSpec(workload.Model, input, workload.WorkUnits, policy, replicas, deadlineBlocks: 50),
                canary ? workload.ReferenceOutputs[input] : null);
        }).ToImmutableArray();
        string chain = "fairshare-bench-cost-" + Slug(name);
        var setup = Setup(Path.Combine(root, chain), chain, 4, [new ClientProfile("client", planned)], [.. parameters]);
        using var network = LocalNetwork.Create(setup, blobs);
        network.RunUntilClientsDone(10_000);
        var jobs = network.Clients[0].Jobs(network.State).Where(j => j.Job is { State: JobState.Settled }).Select(j => (j.Plan, j.Job!)).ToList();
        int clientJobs = jobs.Count(j => j.Plan.ExpectedOutput is null);
        long executions = jobs.Sum(j => j.Item2.Slots.Count(s => s.Status == SlotStatus.Revealed));
        var price = jobs.Count == 0 ? Amount.One : jobs[0].Item2.Slots[0].Price;
        var paid = jobs.Aggregate(Amount.Zero, (sum, j) => sum + j.Item2.Paid);
        double paidPerJob = clientJobs == 0 ? 0 : Ratio(paid, price) / clientJobs;
        return new PolicyCost(name, clientJobs, clientJobs == 0 ? 0 : (double)executions / clientJobs, paidPerJob, expected);
    }

    private static string Slug(string text) => new([.. text.Where(char.IsLetterOrDigit).Take(24)]);

    private static double Ratio(Amount a, Amount b) => (double)a.ToBigInteger() / (double)b.ToBigInteger();


    private static NetworkSetup Setup(string root, string chainId, int providers, ImmutableArray<ClientProfile> clients, ImmutableArray<GenesisParameter> parameters)
    {
        var profiles = Enumerable.Range(1, providers).Select(i => new ProviderProfile(
            "prov-" + i,
            new ProviderOffer(DeviceClass.Cpu, 16_384, 1_000, Units.OneFsh / new Amount(100), 64, "local", 300, 50, "bench"),
            Units.OneFsh * new Amount(1000), 1000, ProviderBehavior.Honest)).ToImmutableArray();
        return new NetworkSetup(root, chainId, profiles, clients, parameters, Units.OneFsh * new Amount(2_000), Units.OneFsh * new Amount(1_000_000));
    }
}
