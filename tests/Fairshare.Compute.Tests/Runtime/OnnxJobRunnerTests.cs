using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Runtime;

public sealed class OnnxJobRunnerTests : IDisposable
{
    private static readonly byte[] Model = OnnxModelBuilder.Mlp(4, [3], 2, seed: 1);
    private readonly OnnxJobRunner _runner = new(cacheCapacity: 2);

    public void Dispose() => _runner.Dispose();

    private static byte[] Input(params TensorData[] tensors) => TensorBlob.Encode(tensors);

    private static TensorData X(long[] shape) =>
        TensorData.Float32("x", shape, new float[shape.Aggregate(1L, (p, d) => p * d)]);

    public static TheoryData<string, byte[], ComputeError> BadInputs() => new()
    {
        { "not a blob", [1, 2, 3], ComputeError.BlobTruncated },
        { "no x", Input(), ComputeError.InputMismatch },
        { "extra tensor", Input(X([1, 4]), X([1, 4]) with { Name = "z" }), ComputeError.InputMismatch },
        { "x is int64", Input(TensorData.Int64("x", [1, 4], [1, 2, 3, 4])), ComputeError.InputMismatch },
        { "wrong rank", Input(X([4])), ComputeError.InputMismatch },
        { "wrong width", Input(X([1, 5])), ComputeError.InputMismatch },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Input_that_does_not_fit_the_model_is_refused_with_its_code(string what, byte[] input, ComputeError expected)
    {
        var result = _runner.Run(Model, input);

        Assert.False(result.IsOk, what);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_refused()
    {
        var result = _runner.Run("not onnx"u8.ToArray(), Input(X([1, 4])));

        Assert.Equal(ComputeError.ModelInvalid, result.Error);
    }

    [Fact]
    public void Sessions_are_cached_by_model_and_the_least_recently_used_is_evicted()
    {
        byte[] other = OnnxModelBuilder.Mlp(4, [3], 2, seed: 2);
        byte[] third = OnnxModelBuilder.Mlp(4, [3], 2, seed: 3);
        byte[] input = Input(X([2, 4]));

        Assert.True(_runner.Run(Model, input).IsOk);
        Assert.True(_runner.Run(Model, input).IsOk);
        Assert.Equal(1, _runner.CachedSessions);
        Assert.True(_runner.Run(other, input).IsOk);
        Assert.True(_runner.Run(third, input).IsOk);
        Assert.Equal(2, _runner.CachedSessions);
        Assert.True(_runner.Run(Model, input).IsOk);
    }

    [Fact]
    public void Runner_describes_itself()
    {
        Assert.Equal(ComputeJobKind.OnnxInference, _runner.Kind);
        Assert.Equal("onnxruntime-cpu", _runner.Backend);
        Assert.Equal((byte)1, (byte)ComputeJobKind.OnnxInference);
        Assert.Equal((byte)2, (byte)ComputeJobKind.Kernel);
    }
}
