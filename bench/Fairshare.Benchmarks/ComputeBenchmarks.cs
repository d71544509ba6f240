using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;

namespace Fairshare.Benchmarks;

/// <summary>
/// The compute runtime on one core: batch inference of generated models through ONNX Runtime (the standard MLP and
/// the heavier ConvNet), a 512³ matmul through TensorPrimitives beside the plain triple loop, and the ILGPU kernel on
/// ILGPU's CPU accelerator — an emulation path for testing the GPU kernel without a GPU, measured at a small size
/// beside the plain loop so nobody mistakes it for a real backend
/// (run: dotnet run -c Release --project bench/Fairshare.Benchmarks -- --filter '*Compute*' --job short).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ComputeBenchmarks
{
    private const int MlpBatch = 64;
    private const int ConvBatch = 32;
    private const int Large = 512;
    private const int Small = 64;

    private readonly OnnxJobRunner _onnx = new();
    private readonly NaiveMatMul _naive = new();
    private readonly TensorPrimitivesMatMul _tensorPrimitives = new();
    private IlgpuMatMul _ilgpuCpu = null!;
    private byte[] _mlp = null!, _mlpInput = null!, _convNet = null!, _convInput = null!;
    private float[] _a = null!, _b = null!, _c = null!, _smallA = null!, _smallB = null!, _smallC = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        float[] Floats(int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

        _mlp = OnnxModelBuilder.Mlp(256, [512, 512], 10, seed: 1);
        _mlpInput = TensorBlob.Encode([TensorData.Float32(OnnxModelBuilder.InputName, [MlpBatch, 256], Floats(MlpBatch * 256))]);
        _convNet = OnnxModelBuilder.ConvNet(channels: 3, size: 64, filters: [64, 128, 256], classes: 10, seed: 1);
        _convInput = TensorBlob.Encode([TensorData.Float32(OnnxModelBuilder.InputName, [ConvBatch, 3, 64, 64], Floats(ConvBatch * 3 * 64 * 64))]);
        (_a, _b, _c) = (Floats(Large * Large), Floats(Large * Large), new float[Large * Large]);
        (_smallA, _smallB, _smallC) = (Floats(Small * Small), Floats(Small * Small), new float[Small * Small]);
        _ilgpuCpu = IlgpuMatMul.Create(preferCuda: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _onnx.Dispose();
        _ilgpuCpu.Dispose();
    }

    /// <summary>The standard MLP (256-512-512-10, 25.5 M MACs) on a batch of 64, blob in and blob out.</summary>
    [Benchmark]
    [BenchmarkCategory("onnx")]
    public byte[] MlpBatch64Inference() => _onnx.Run(_mlp, _mlpInput).Output!;

    /// <summary>The ConvNet (64×64×3, filters 64-128-256, 5.06 G MACs) on a batch of 32.</summary>
    [Benchmark]
    [BenchmarkCategory("onnx")]
    public byte[] ConvNetBatch32Inference() => _onnx.Run(_convNet, _convInput).Output!;

    /// <summary>The plain triple loop, 512³ (134 M MACs).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("matmul 512")]
    public float[] MatMul512NaiveLoop()
    {
        _naive.Multiply(_a, _b, _c, Large, Large, Large);
        return _c;
    }

    /// <summary>TensorPrimitives.Dot over rows of A and of Bᵀ, 512³.</summary>
    [Benchmark]
    [BenchmarkCategory("matmul 512")]
    public float[] MatMul512TensorPrimitives()
    {
        _tensorPrimitives.Multiply(_a, _b, _c, Large, Large, Large);
        return _c;
    }

    /// <summary>The plain triple loop at 64³, the baseline of the emulation row.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("matmul 64 (ILGPU emulation)")]
    public float[] MatMul64NaiveLoop()
    {
        _naive.Multiply(_smallA, _smallB, _smallC, Small, Small, Small);
        return _smallC;
    }

    /// <summary>The GPU kernel on ILGPU's CPU accelerator, 64³: an emulation for tests, not a backend.</summary>
    [Benchmark]
    [BenchmarkCategory("matmul 64 (ILGPU emulation)")]
    public float[] MatMul64IlgpuCpuEmulation()
    {
        _ilgpuCpu.Multiply(_smallA, _smallB, _smallC, Small, Small, Small);
        return _smallC;
    }
}
