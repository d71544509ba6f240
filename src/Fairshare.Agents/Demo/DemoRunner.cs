using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Agents;
using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Hardware;
using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Demo;

/// <summary>
/// <c>fairshare demo</c>: an in-process network on the embedded default — a validator, six providers (one returns
/// wrong outputs on a quarter of its slots, one is slow) and two clients submitting real ONNX inference jobs — run once
/// per matching policy on the same job stream. Everything goes through the real ledger, market, staking and runtime;
/// only the providers' misbehaviour is scripted.
/// </summary>
public static class DemoRunner
{
    /// <summary>The matching policies the demo compares, with their parameter values.</summary>
    public static ImmutableArray<(string Name, ulong Value)> Policies { get; } = [("lowest-price", 0), ("fair-share", 1)];

    /// <summary>Runs the demo in <paramref name="root"/> (created); progress is reported as jobs end.</summary>
    public static DemoReport Run(string root, int jobsPerClient, Action<DemoProgress>? progress = null)
    {
        progress?.Invoke(new DemoProgress("detecting hardware and benchmarking", 0, 1, 0));
        var hardware = HardwareProbe.Detect();
        var score = StandardBenchmark.Run(null, TimeSpan.FromMilliseconds(600));
        var blobs = new BlobStore(Path.Combine(root, "blobs"));
        using var executor = new JobExecutor(blobs);
        var workload = BuildWorkload(blobs, executor, jobsPerClient * 2);
        var outcomes = ImmutableArray.CreateBuilder<PolicyOutcome>();
        foreach (var (name, value) in Policies)
        {
            var setup = Setup(Path.Combine(root, name), name, value, workload, hardware, score.WorkUnitsPerSecond, jobsPerClient);
            outcomes.Add(RunPolicy(setup, name, blobs, workload, progress));
        }

        return new DemoReport(hardware, score.WorkUnitsPerSecond, workload, outcomes.ToImmutable());
    }

    /// <summary>The demo's model and inputs, stored; canary answers computed by running them here first.</summary>
    public static DemoWorkload BuildWorkload(BlobStore blobs, JobExecutor executor, int jobs)
    {
        const int features = 128, batch = 64;
        int[] hidden = [512, 512];
        var modelBytes = OnnxModelBuilder.Mlp(features, hidden, 10, seed: 7);
        var model = blobs.Put(modelBytes);
        var inputs = ImmutableArray.CreateBuilder<Hash32>(jobs);
        byte[]? firstInput = null;
        for (int i = 0; i < jobs; i++)
        {
            var values = new float[batch * features];
            var random = new Random(1000 + i);
            for (int v = 0; v < values.Length; v++) values[v] = (float)(random.NextDouble() * 2 - 1);
            var input = TensorBlob.Encode([TensorData.Float32(OnnxModelBuilder.InputName, [batch, features], values)]);
            firstInput ??= input;
            inputs.Add(blobs.Put(input));
        }

        var answers = ImmutableDictionary.CreateBuilder<Hash32, Hash32>();
        foreach (var input in inputs)
        {
            var spec = InferenceSpec(model, input, 1, VerificationPolicy.Canary, 1);
            var outcome = executor.Run(spec);
            answers[input] = blobs.Put(outcome.Output ?? throw new InvalidOperationException("the demo model failed to run: " + outcome.Error));
        }

        var workUnits = Math.Max(1UL, WorkEstimator.ForOnnx(modelBytes, TensorBlob.Decode(firstInput!).Value!).Value.Units);
        return new DemoWorkload(model, inputs.ToImmutable(), answers.ToImmutable(), workUnits,
            $"MLP {features}→{string.Join("→", hidden)}→10 (softmax), batch {batch}, {workUnits} work units per job");
    }

    private static bool IsCanary(int jobIndex) => jobIndex % 6 == 5;

    /// <summary>An ONNX inference job at the demo's price cap (0.02 FSH per work unit); its seal is set by the client agent.</summary>
    public static JobSpec InferenceSpec(Hash32 model, Hash32 input, ulong workUnits, VerificationPolicy policy, byte replicas, uint deadlineBlocks = 4) => new(
        Kind: JobKind.OnnxInference,
        Model: model,
        Input: input,
        MinMemoryMb: 256,
        Device: default,
        WorkUnits: workUnits,
        MaxPricePerWorkUnit: Units.OneFsh / new Amount(50),
        DeadlineBlocks: deadlineBlocks,
        Policy: policy,
        Replicas: replicas,
        Seal: default,
        Weights: default!);

    private static NetworkSetup Setup(string root, string policyName, ulong policyValue, DemoWorkload workload, HardwareProfile hardware, ulong score, int jobsPerClient)
    {
        // Prices in FSH per work unit (hundredths); the slow one is the cheapest, the cheater undercuts the honest.
        (string Name, ulong PriceCents, ProviderBehavior Behavior)[] providers =
        [
            ("prov-1", 120, ProviderBehavior.Honest),
            ("prov-2", 100, ProviderBehavior.Honest),
            ("prov-3", 150, ProviderBehavior.Honest),
            ("prov-4", 130, ProviderBehavior.Honest),
            ("cheater", 90, new ProviderBehavior(CheatPpm: 250_000, Seed: 42)),
            ("slow", 80, new ProviderBehavior(DelayBlocks: 3, DelayJitterBlocks: 3, Seed: 7)),
        ];
        var hardwareText = $"{hardware.CpuModel}, {hardware.LogicalCores} cores, {hardware.MemoryMb / 1024} GiB";
        if (hardwareText.Length > 96) hardwareText = hardwareText[..96];
        var profiles = providers.Select(p => new ProviderProfile(
            p.Name,
            new ProviderOffer(DeviceClass.Cpu, (uint)Math.Min(hardware.MemoryMb, uint.MaxValue), score, Units.OneFsh * new Amount(p.PriceCents) / new Amount(10_000), 8, "local", 300, 50, hardwareText),
            Units.OneFsh * new Amount(1000),
            1000,
            p.Behavior)).ToImmutableArray();
        var clients = ImmutableArray.CreateBuilder<ClientProfile>();
        for (int c = 0; c < 2; c++)
        {
            var jobs = ImmutableArray.CreateBuilder<PlannedJob>();
            for (int j = 0; j < jobsPerClient; j++)
            {
                int index = c * jobsPerClient + j;
                var input = workload.Inputs[index];
                var (policy, replicas) = c == 0 || index % 3 != 0 ? (VerificationPolicy.SpotCheck, (byte)1) : (VerificationPolicy.Replicate, (byte)2);
                Hash32? expected = null;
                if (IsCanary(index)) (policy, replicas, expected) = (VerificationPolicy.Canary, 1, workload.ReferenceOutputs[input]);

                jobs.Add(new PlannedJob((ulong)(3 + j / 2), InferenceSpec(workload.Model, input, workload.WorkUnits, policy, replicas), expected));
            }

            clients.Add(new ClientProfile(c == 0 ? "client-a" : "client-b", jobs.ToImmutable()));
        }

        return new NetworkSetup(root, "fairshare-demo-" + policyName, profiles, clients.ToImmutable(),
            [new GenesisParameter("market.matching-policy", new Amount(policyValue))],
            Units.OneFsh * new Amount(2_000), Units.OneFsh * new Amount(100_000));
    }

    private static PolicyOutcome RunPolicy(NetworkSetup setup, string policy, BlobStore blobs, DemoWorkload workload, Action<DemoProgress>? progress)
    {
        using var network = LocalNetwork.Create(setup, blobs);
        int total = setup.Clients.Sum(c => c.Jobs.Length);
        var watch = Stopwatch.StartNew();
        network.RunUntilClientsDone(2_000, step =>
        {
            int done = network.Clients.Sum(c => c.Jobs(network.State).Count(j => j.IsClosed));
            progress?.Invoke(new DemoProgress(policy, done, total, step.Height));
        });
        watch.Stop();
        return DemoAccounting.Summarize(network, policy, watch.Elapsed, workload);
    }
}
