using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;
using static Fairshare.Compute.Models.OnnxGraphBuilder;

namespace Fairshare.Compute.Tests.Benchmarking;

public sealed class WorkEstimatorTests
{
    private static TensorBlob X(params long[] shape) =>
        new([TensorData.Float32("x", shape, new float[shape.Aggregate(1L, (p, d) => p * d)])]);

    private static ulong Macs(byte[] model, TensorBlob input)
    {
        var estimate = WorkEstimator.ForOnnx(model, input);
        Assert.True(estimate.IsOk, estimate.Message);
        return estimate.Value.MultiplyAccumulates;
    }

    [Fact]
    public void WorkUnits_AreMillionsOfMacs_RoundedUp()
    {
        Assert.Equal(0UL, WorkUnits.FromMacs(0));
        Assert.Equal(1UL, WorkUnits.FromMacs(1));
        Assert.Equal(1UL, WorkUnits.FromMacs(1_000_000));
        Assert.Equal(2UL, WorkUnits.FromMacs(1_000_001));
        Assert.Equal(5UL, WorkUnits.PerSecond(10_000_000, TimeSpan.FromSeconds(2)));
        Assert.Equal(0UL, WorkUnits.PerSecond(10_000_000, TimeSpan.Zero));
    }

    [Fact]
    public void MatMulWork_IsMTimesKTimesN()
    {
        Assert.Equal(new WorkEstimate(512UL * 512 * 512), WorkEstimator.ForMatMul(512, 512, 512));
        Assert.Equal(135UL, WorkEstimator.ForMatMul(512, 512, 512).Units);
        Assert.Equal(ulong.MaxValue, WorkEstimator.ForMatMul(long.MaxValue, long.MaxValue, 2).MultiplyAccumulates);
    }

    [Fact]
    public void MlpWork_IsTheSumOfItsGemms()
    {
        byte[] model = OnnxModelBuilder.Mlp(16, [32, 24], 5, seed: 1);

        Assert.Equal(9UL * (16 * 32 + 32 * 24 + 24 * 5), Macs(model, X(9, 16)));
        Assert.Equal(0UL, Macs(model, X(0, 16)));
    }

    [Fact]
    public void ConvnetWork_CountsEveryConvWindow_AndTheDenseLayer()
    {
        byte[] model = OnnxModelBuilder.ConvNet(channels: 3, size: 16, filters: [4, 8], classes: 6, seed: 1);

        // conv0: 4 maps of 16×16, each a 3×3×3 window; pool to 8×8; conv1: 8 maps of 8×8 over 4×3×3; pool to 4×4;
        // dense: 8·4·4 = 128 features to 6 classes.
        ulong perImage = 4 * 256 * 27 + 8 * 64 * 36 + 128 * 6;
        Assert.Equal(2 * perImage, Macs(model, X(2, 3, 16, 16)));
    }

    [Fact]
    public void Macs_FollowGemmAttributesAndMatMulBroadcasting_AndSkipUnknownOperators()
    {
        var graph = new OnnxGraphBuilder("g");
        string wt = graph.Initializer("wt", [6, 4], new float[24]); // [N, K] with transB
        string gemm = graph.Node("Gemm", ["x", wt], Int("transB", 1)); // [2, 4] · [4, 6]ᵀ → [2, 6]: 48
        string batched = graph.Initializer("b3", [3, 6, 5], new float[90]);
        string matmul = graph.Node("MatMul", [gemm, batched]); // [2, 6] · [3, 6, 5] → [3, 2, 5]: 3·2·6·5 = 180
        string unknown = graph.Node("TopK", [matmul]);
        string last = graph.Initializer("w", [5, 7], new float[35]);
        graph.Node("MatMul", [unknown, last], "y"); // shape unknown after TopK: counts 0
        byte[] model = graph.Build("x", [null, 4], "y", [null, 7]);

        Assert.Equal(48UL + 180UL, Macs(model, X(2, 4)));
    }

    [Fact]
    public void BytesThatAreNotAModel_AreRefused()
    {
        var estimate = WorkEstimator.ForOnnx([0xFF, 0xFF, 0xFF], X(1));

        Assert.Equal(ComputeError.ModelUnparseable, estimate.Error);
    }
}
