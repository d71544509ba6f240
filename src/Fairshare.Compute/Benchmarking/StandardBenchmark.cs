using System.Collections.Immutable;
using System.Diagnostics;
using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// The fixed workload every provider measures, so that scores compare across machines: a generated MLP
/// (256 → 512 → 512 → 10, seed 1) inferring a batch of 64 through the ONNX runner, and a 256 × 256 × 256 matmul through
/// the kernel runner, both on seeded inputs. Each part first runs untimed for a quarter of its share of the budget
/// (JIT tiering, caches, model loading), then back to back under a <see cref="Stopwatch"/> for the rest; every output
/// is checked to be a well-formed result.
/// </summary>
public static class StandardBenchmark
{
    /// <summary>The MLP's layer widths.</summary>
    public static readonly ImmutableArray<int> MlpWidths = [256, 512, 512, 10];

    /// <summary>The MLP's batch size.</summary>
    public const int MlpBatch = 64;

    /// <summary>The matmul's size (m = k = n).</summary>
    public const int MatMulSize = 256;

    private const int Seed = 1;

    /// <summary>
    /// Measures this machine. With <paramref name="runner"/> null both parts run on <see cref="JobRunners.For(ComputeJobKind)"/>'s
    /// runners (the GPU kernel where CUDA exists), half the budget each; with a runner only the part of its kind runs,
    /// on it, for the whole budget.
    /// </summary>
    /// <exception cref="InvalidOperationException">A runner failed the standard workload (a broken runtime).</exception>
    public static BenchmarkScore Run(IJobRunner? runner, TimeSpan budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        var parts = ImmutableArray.CreateBuilder<BenchmarkPart>();
        if (runner is not null)
        {
            parts.Add(Measure(runner, budget));
        }
        else
        {
            foreach (var kind in new[] { ComputeJobKind.OnnxInference, ComputeJobKind.Kernel })
            {
                using var owned = JobRunners.For(kind);
                parts.Add(Measure(owned, budget / 2));
            }
        }

        ulong score = (ulong)parts.Average(p => (double)p.WorkUnitsPerSecond);
        return new BenchmarkScore(score, parts.ToImmutable());
    }

    /// <summary>The standard workload of a kind: a description, the model (empty for kernels), the input blob and its MACs.</summary>
    private static (string Workload, byte[] Model, byte[] Input, ulong Macs) Workload(ComputeJobKind kind)
    {
        var random = new SeededRandom(Seed);
        switch (kind)
        {
            case ComputeJobKind.OnnxInference:
                byte[] model = OnnxModelBuilder.Mlp(MlpWidths[0], [.. MlpWidths[1..^1]], MlpWidths[^1], Seed);
                var x = TensorData.Float32(OnnxModelBuilder.InputName, [MlpBatch, MlpWidths[0]], random.NextArray(MlpBatch * MlpWidths[0], 1f));
                var estimate = WorkEstimator.ForOnnx(model, new TensorBlob([x]));
                return ($"mlp {string.Join('-', MlpWidths)}, batch {MlpBatch}", model, TensorBlob.Encode([x]), estimate.Value.MultiplyAccumulates);
            case ComputeJobKind.Kernel:
                const int n = MatMulSize;
                byte[] input = KernelJobRunner.EncodeInput(random.NextArray(n * n, 1f), random.NextArray(n * n, 1f), n, n, n);
                return ($"matmul {n}×{n}×{n}", [], input, WorkEstimator.ForMatMul(n, n, n).MultiplyAccumulates);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown job kind");
        }
    }

    private static BenchmarkPart Measure(IJobRunner runner, TimeSpan share)
    {
        var (workload, model, input, macs) = Workload(runner.Kind);
        var clock = Stopwatch.StartNew();
        do RunChecked(runner, model, input);
        while (clock.Elapsed < share / 4);

        int runs = 0;
        clock.Restart();
        do
        {
            RunChecked(runner, model, input);
            runs++;
        }
        while (clock.Elapsed < share * 3 / 4);

        return new BenchmarkPart(workload, runner.Backend, macs * (ulong)runs, runs, clock.Elapsed);
    }

    private static void RunChecked(IJobRunner runner, byte[] model, byte[] input)
    {
        var result = runner.Run(model, input);
        if (!result.IsOk || !TensorBlob.Decode(result.Output).IsOk)
            throw new InvalidOperationException($"{runner.Backend} failed the standard workload: {result.Message} [{(int)result.Error}]");
    }
}
