using System.Diagnostics;
using Fairshare.Agents;
using Fairshare.Agents.Demo;
using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Verification;
using Fairshare.Core.Genesis;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Bench.Gpu;

/// <summary>
/// <c>fairshare bench gpu</c>: one real model on 1×3×640×640 (PP-OCRv4 detection in <c>scripts/gpu-check.sh</c>)
/// through ONNX Runtime's CPU and CUDA providers, the largest CPU–GPU output difference against the comparator's
/// tolerance, the same model through the whole job path of a local network whose provider uses CUDA, and the ILGPU
/// kernel job beside TensorPrimitives. Without CUDA the CPU parts still run.
/// </summary>
public static class GpuBenchmark
{
    /// <summary>The kernel job's size.</summary>
    public const int KernelN = 1024;

    /// <summary>Runs the benchmark in a temporary folder; <paramref name="runs"/> timed runs of each part (the best is kept).</summary>
    public static GpuBenchResult Run(string modelPath, int runs, int jobs, int device, Action<string> stage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        stage("trying the execution providers");
        var providers = ExecutionProviders.Detect(device);
        var model = File.ReadAllBytes(modelPath);
        var random = new Random(640);
        var pixels = new float[3 * 640 * 640];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)random.NextDouble();
        var input = TensorBlob.Encode([TensorData.Float32("x", [1, 3, 640, 640], pixels)]);

        stage("ONNX Runtime, CPU provider");
        using var cpu = new OnnxJobRunner(new OnnxRunnerOptions(ExecutionProvider.Cpu));
        var (cpuMs, cpuOut) = Best(cpu, model, input, runs);
        double? cudaMs = null, difference = null;
        ComparisonResult? comparison = null;
        byte[]? cudaOut = null;
        if (providers.CudaLoads)
        {
            stage("ONNX Runtime, CUDA provider");
            using var cuda = new OnnxJobRunner(new OnnxRunnerOptions(ExecutionProvider.Cuda(device)));
            (double ms, cudaOut) = Best(cuda, model, input, runs);
            cudaMs = ms;
            difference = MaxDifference(cpuOut, cudaOut);
            comparison = OutputComparator.Compare(cpuOut, cudaOut, Tolerances.Default);
        }

        var jobProvider = providers.CudaLoads ? ExecutionProvider.Cuda(device) : ExecutionProvider.Cpu;
        stage($"the job path, provider on {jobProvider}");
        var (settled, computeMs, agrees) = JobPath(model, input, cudaOut ?? cpuOut, jobProvider, jobs);

        stage($"kernel job, {KernelN}³ matmul");
        var kernel = Kernel(runs);
        return new GpuBenchResult(providers, Path.GetFileName(modelPath), cpuMs, cudaMs, difference, comparison, jobProvider, settled, computeMs, agrees,
            KernelN, kernel.CpuMs, kernel.CudaMs, kernel.Difference, kernel.Backend);
    }

    private static (double Ms, byte[] Output) Best(IJobRunner runner, byte[] model, byte[] input, int runs)
    {
        var first = runner.Run(model, input); // loads the model: not timed
        if (!first.IsOk) throw new InvalidOperationException($"the model failed on {runner.Backend}: {first.Message}");
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = runner.Run(model, input);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            if (!result.IsOk) throw new InvalidOperationException($"the model failed on {runner.Backend}: {result.Message}");
        }

        return (best, first.Output);
    }

    /// <summary>The largest |a − b| over the float32 elements of two outputs with the same tensors.</summary>
    private static double MaxDifference(byte[] a, byte[] b)
    {
        var left = JobTensors.Decode(a).Value!.Items.SelectMany(i => i.Tensors).ToList();
        var right = JobTensors.Decode(b).Value!.Items.SelectMany(i => i.Tensors).ToList();
        double max = 0;
        for (int t = 0; t < left.Count; t++)
        {
            if (left[t].Type != TensorElementType.Float32) continue;
            var x = left[t].AsFloat32();
            var y = right[t].AsFloat32();
            for (int i = 0; i < x.Length; i++) max = Math.Max(max, Math.Abs((double)x[i] - y[i]));
        }

        return max;
    }

    /// <summary>Jobs of the model through a local network with one provider on <paramref name="provider"/>; no spot checks.</summary>
    private static (int Settled, double ComputeMs, bool Agrees) JobPath(byte[] modelBytes, byte[] inputBytes, byte[] direct, ExecutionProvider provider, int jobs)
    {
        string root = Path.Combine(Path.GetTempPath(), $"fairshare-bench-gpu-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}");
        try
        {
            var blobs = new BlobStore(Path.Combine(root, "blobs"));
            var model = blobs.Put(modelBytes);
            var input = blobs.Put(inputBytes);
            ulong units = Math.Max(1UL, WorkEstimator.ForOnnx(modelBytes, TensorBlob.Decode(inputBytes).Value!).Value.Units);
            var spec = DemoRunner.InferenceSpec(model, input, units, VerificationPolicy.SpotCheck, 1, deadlineBlocks: 50);
            var offer = new ProviderOffer(provider.Kind == ExecutionProviderKind.Cuda ? DeviceClass.Gpu : DeviceClass.Cpu, 65_536, 10_000,
                Units.OneFsh / new Amount(1_000), 4, "bench", 300, 0, "bench");
            var setup = new NetworkSetup(
                Path.Combine(root, "net"), "fairshare-bench-gpu",
                [new ProviderProfile("gpu-provider", offer, Units.OneFsh * new Amount(1_000), 1000, ProviderBehavior.Honest)],
                [new ClientProfile("client", [.. Enumerable.Range(0, jobs).Select(i => new PlannedJob(3 + (ulong)i, spec))])],
                [new GenesisParameter("market.probation-jobs", Amount.Zero), new GenesisParameter("market.spot-check-ppm", Amount.Zero)],
                Units.OneFsh * new Amount(2_000), Units.OneFsh * new Amount(1_000_000));
            using var network = LocalNetwork.Create(setup, blobs, provider: provider);
            network.RunUntilClientsDone(50 + 10 * jobs);
            var settled = network.Clients[0].Jobs(network.State).Where(j => j.Job?.State == JobState.Settled).ToList();
            bool agrees = settled.All(j => blobs.TryGet(j.Job!.AcceptedOutput, out var output) && OutputComparator.Compare(direct, output, Tolerances.Default).Agrees);
            var stats = network.Providers[0].Stats;
            return (settled.Count, stats.JobsRun == 0 ? 0 : stats.ComputeTime.TotalMilliseconds / stats.JobsRun, agrees);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static (double CpuMs, double? CudaMs, double? Difference, string Backend) Kernel(int runs)
    {
        var random = new Random(KernelN);
        var a = new float[KernelN * KernelN];
        var b = new float[KernelN * KernelN];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (float)(random.NextDouble() - 0.5);
            b[i] = (float)(random.NextDouble() - 0.5);
        }

        var input = KernelJobRunner.EncodeInput(a, b, KernelN, KernelN, KernelN);
        using var cpu = new KernelJobRunner(new TensorPrimitivesMatMul());
        var (cpuMs, cpuOut) = Best(cpu, [], input, runs);
        if (!IlgpuMatMul.CudaAvailable) return (cpuMs, null, null, "ILGPU CUDA: not available (ILGPU finds no CUDA device: no driver's libcuda or no GPU)");
        using var gpu = new KernelJobRunner(IlgpuMatMul.Create(preferCuda: true));
        var (gpuMs, gpuOut) = Best(gpu, [], input, runs);
        return (cpuMs, gpuMs, MaxDifference(cpuOut, gpuOut), gpu.Backend);
    }
}
