using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Runtime;

namespace Fairshare.Compute.Tests.Benchmarking;

public sealed class StandardBenchmarkTests
{
    private const ulong MlpMacsPerRun = 64UL * (256 * 512 + 512 * 512 + 512 * 10);
    private const ulong MatMulMacsPerRun = 256UL * 256 * 256;

    [Fact]
    public void WithARunner_OnlyItsPartRuns()
    {
        using var kernel = new KernelJobRunner(new TensorPrimitivesMatMul());

        var score = StandardBenchmark.Run(kernel, TimeSpan.FromMilliseconds(100));

        var part = Assert.Single(score.Parts);
        Assert.Equal("tensorprimitives", part.Backend);
        Assert.Equal("matmul 256×256×256", part.Workload);
        Assert.True(part.Runs >= 1);
        Assert.Equal(MatMulMacsPerRun * (ulong)part.Runs, part.MultiplyAccumulates);
        Assert.True(part.WorkUnitsPerSecond > 0);
        Assert.Equal(part.WorkUnitsPerSecond, score.WorkUnitsPerSecond);
    }

    [Fact]
    public void WithoutARunner_BothPartsRun_AndTheScoreIsTheirMean()
    {
        var score = StandardBenchmark.Run(null, TimeSpan.FromMilliseconds(200));

        Assert.Equal(2, score.Parts.Length);
        var (mlp, matmul) = (score.Parts[0], score.Parts[1]);
        Assert.Equal("onnxruntime-cpu", mlp.Backend);
        Assert.Equal(MlpMacsPerRun * (ulong)mlp.Runs, mlp.MultiplyAccumulates);
        Assert.StartsWith(IlgpuMatMul.CudaAvailable ? "ilgpu-cuda" : "tensorprimitives", matmul.Backend);
        Assert.Equal(MatMulMacsPerRun * (ulong)matmul.Runs, matmul.MultiplyAccumulates);
        ulong mean = (mlp.WorkUnitsPerSecond + matmul.WorkUnitsPerSecond) / 2;
        Assert.InRange(score.WorkUnitsPerSecond, mean - 1, mean + 1);
    }
}
