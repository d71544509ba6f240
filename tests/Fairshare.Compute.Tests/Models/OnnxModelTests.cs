using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Models;

public sealed class OnnxModelTests
{
    private static readonly MlpWeights Weights = MlpWeights.Generate(16, [32, 24], 5, seed: 7);

    private static JobRunResult Infer(OnnxJobRunner runner, byte[] model, float[] x, long[] shape) =>
        runner.Run(model, TensorBlob.Encode([TensorData.Float32(OnnxModelBuilder.InputName, shape, x)]));

    [Fact]
    public void GeneratedMlpOnOnnxRuntime_MatchesTheReferenceForwardPass()
    {
        const int batch = 9;
        float[] x = TestData.Floats(batch * Weights.Inputs, seed: 3);
        using var runner = new OnnxJobRunner();

        var result = Infer(runner, OnnxModelBuilder.Mlp(Weights), x, [batch, Weights.Inputs]);

        Assert.True(result.IsOk, result.Message);
        var y = Assert.Single(TensorBlob.Decode(result.Output).Value!.Tensors);
        Assert.Equal(OnnxModelBuilder.OutputName, y.Name);
        Assert.Equal([batch, Weights.Outputs], y.Shape);
        float[] expected = ReferenceMlp.Forward(Weights, x, batch);
        float[] actual = y.AsFloat32().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.InRange(Math.Abs(expected[i] - actual[i]), 0, 1e-5);
        for (int row = 0; row < batch; row++) Assert.InRange(actual.AsSpan(row * 5, 5).ToArray().Sum(), 1 - 1e-5, 1 + 1e-5);
    }

    [Fact]
    public void Inference_IsBitIdentical_RunToRunAndAcrossRunners()
    {
        byte[] model = OnnxModelBuilder.Mlp(Weights);
        float[] x = TestData.Floats(4 * Weights.Inputs, seed: 11);
        using var first = new OnnxJobRunner();
        using var second = new OnnxJobRunner();

        byte[] a = Infer(first, model, x, [4, Weights.Inputs]).Output!;
        byte[] b = Infer(first, model, x, [4, Weights.Inputs]).Output!;
        byte[] c = Infer(second, model, x, [4, Weights.Inputs]).Output!;

        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Builder_IsDeterministic_AndTheSeedMatters()
    {
        Assert.Equal(OnnxModelBuilder.Mlp(8, [4], 2, seed: 1), OnnxModelBuilder.Mlp(8, [4], 2, seed: 1));
        Assert.NotEqual(OnnxModelBuilder.Mlp(8, [4], 2, seed: 1), OnnxModelBuilder.Mlp(8, [4], 2, seed: 2));
        Assert.Equal(OnnxModelBuilder.ConvNet(1, 8, [2], 3, seed: 1), OnnxModelBuilder.ConvNet(1, 8, [2], 3, seed: 1));
    }

    [Fact]
    public void GeneratedConvnet_Runs_AndOutputsProbabilities()
    {
        byte[] model = OnnxModelBuilder.ConvNet(channels: 3, size: 16, filters: [4, 8], classes: 6, seed: 5);
        using var runner = new OnnxJobRunner();

        var result = Infer(runner, model, TestData.Floats(2 * 3 * 16 * 16, seed: 1), [2, 3, 16, 16]);

        Assert.True(result.IsOk, result.Message);
        var y = TensorBlob.Decode(result.Output).Value!.Find(OnnxModelBuilder.OutputName)!;
        Assert.Equal([2, 6], y.Shape);
        Assert.All(y.AsFloat32().ToArray(), p => Assert.InRange(p, 0f, 1f));
        Assert.InRange(y.AsFloat32()[..6].ToArray().Sum(), 1 - 1e-5, 1 + 1e-5);
    }

    [Fact]
    public void Builder_RefusesImpossibleShapes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxModelBuilder.Mlp(0, [4], 2, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxModelBuilder.ConvNet(1, 4, [2, 2, 2], 3, seed: 1));
    }
}
