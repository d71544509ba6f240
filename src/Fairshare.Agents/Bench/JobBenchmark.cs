using Fairshare.Compute.Benchmarking;
using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Agents;
using Fairshare.Agents.Demo;
using Microsoft.ML.OnnxRuntime;

namespace Fairshare.Agents.Bench;

/// <summary>
/// <c>fairshare bench job</c>: the same inference batch timed straight through ONNX Runtime and through the whole job
/// path of a local network (submit → match → run → commit → reveal → settle, every block signed, executed and stored
/// in SQLite), in one run; then what each verification policy costs in executions and in FSH per client job.
/// </summary>
public static class JobBenchmark
{
    /// <summary>The benchmark model: an MLP whose one batch takes tens of milliseconds on one core.</summary>
    public const int Features = 1024, Batch = 256, Classes = 1000;

    /// <summary>Hidden layers of the benchmark model.</summary>
    public static readonly int[] Hidden = [2048, 2048, 2048];

    /// <summary>Runs the benchmark in a temporary folder.</summary>
    public static JobBenchResult Run(int jobs, int costJobs, Action<string>? stage = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "fairshare-bench-job-" + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());
        try
        {
            return RunIn(root, jobs, costJobs, stage ?? (_ => { }));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static JobBenchResult RunIn(string root, int jobs, int costJobs, Action<string> stage)
    {
        stage("building the benchmark model");
        var blobs = new BlobStore(Path.Combine(root, "blobs"));
        var modelBytes = OnnxModelBuilder.Mlp(Features, Hidden, Classes, seed: 11);
        var values = new float[Batch * Features];
        var random = new Random(5);
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        var inputBytes = TensorBlob.Encode([TensorData.Float32(OnnxModelBuilder.InputName, [Batch, Features], values)]);
        var model = blobs.Put(modelBytes);
        var input = blobs.Put(inputBytes);
        var workUnits = Math.Max(1UL, WorkEstimator.ForOnnx(modelBytes, TensorBlob.Decode(inputBytes).Value!).Value.Units);

        stage("direct: ONNX Runtime, one thread");
        double direct = DirectMs(modelBytes, values, jobs);

        stage("whole path: local network");
        var spec = DemoRunner.InferenceSpec(model, input, workUnits, VerificationPolicy.SpotCheck, 1, deadlineBlocks: 50);
        // One warm-up job first (the provider loads the model into ONNX Runtime, as the direct run's warm-up does),
        // then the timed jobs, all submitted in one block.
        const ulong timedFrom = 12;
        var planned = Enumerable.Range(0, jobs + 1).Select(i => new PlannedJob(i == 0 ? 3 : timedFrom, spec)).ToImmutableArray();
        var setup = Setup(Path.Combine(root, "path"), "fairshare-bench-path", 3, [new ClientProfile("client", planned)],
            [new GenesisParameter("market.spot-check-ppm", Amount.Zero), new GenesisParameter("market.probation-jobs", Amount.Zero)]);
        using var network = LocalNetwork.Create(setup, blobs);
        while (network.State.Head.Height < timedFrom) network.Step();
        if (network.Clients[0].Jobs(network.State)[0].Job is not { State: JobState.Settled })
            throw new InvalidOperationException("the warm-up job did not settle in time");
        var watch = Stopwatch.StartNew();
        int blocks = network.RunUntilClientsDone(10_000);
        watch.Stop();
        var done = network.Clients[0].Jobs(network.State).Skip(1).Select(j => j.Job!).ToList();
        double latency = done.Average(j => (double)(j.ClosedHeight - j.CreatedHeight));
        double path = watch.Elapsed.TotalMilliseconds / jobs;

        stage("cost of each verification policy");
        var costs = PolicyCosts(root, blobs, costJobs);
        return new JobBenchResult(
            $"MLP {Features}→{string.Join("→", Hidden)}→{Classes}, batch {Batch} ({workUnits} work units)",
            jobs, direct, path, (path - direct) / direct * 100, (ulong)blocks, latency, costs);
    }

    private static double DirectMs(byte[] model, float[] values, int runs)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var x = OrtValue.CreateTensorValueFromMemory(values, new long[] { Batch, Features });
        var inputs = new Dictionary<string, OrtValue> { [OnnxModelBuilder.InputName] = x };
        using (session.Run(new RunOptions(), inputs, session.OutputNames)) { }
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++)
        {
            using var outputs = session.Run(new RunOptions(), inputs, session.OutputNames);
        }

        return watch.Elapsed.TotalMilliseconds / runs;
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
            new ProviderOffer(DeviceClass.Cpu, 16_384, 1_000, DemoRunner.OneFsh / new Amount(100), 64, "local", 300, 50, "bench"),
            DemoRunner.OneFsh * new Amount(1000), 1000, ProviderBehavior.Honest)).ToImmutableArray();
        return new NetworkSetup(root, chainId, profiles, clients, parameters, DemoRunner.OneFsh * new Amount(2_000), DemoRunner.OneFsh * new Amount(1_000_000));
    }
}
