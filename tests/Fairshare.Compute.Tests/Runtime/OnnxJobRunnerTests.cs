using System.Collections.Immutable;
using Fairshare.Compute.Models;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Tests.Tensors;

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
        { "a version 2 blob that should be version 1", [.. "FSTB"u8, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], ComputeError.BlobNotCanonical },
        { "no x", Input(), ComputeError.InputMismatch },
        { "extra tensor", Input(X([1, 4]), X([1, 4]) with { Name = "z" }), ComputeError.InputMismatch },
        { "x is int64", Input(TensorData.Int64("x", [1, 4], [1, 2, 3, 4])), ComputeError.InputMismatch },
        { "wrong rank", Input(X([4])), ComputeError.InputMismatch },
        { "wrong width", Input(X([1, 5])), ComputeError.InputMismatch },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void InputThatDoesNotFitTheModel_IsRefused_WithItsCode(string what, byte[] input, ComputeError expected)
    {
        var result = _runner.Run(Model, input);

        Assert.False(result.IsOk, what);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void BytesThatAreNotAModel_AreRefused()
    {
        var result = _runner.Run("not onnx"u8.ToArray(), Input(X([1, 4])));

        // The runner inspects a model before ONNX Runtime loads it: these bytes do not even parse as a ModelProto.
        Assert.Equal(ComputeError.ModelUnparseable, result.Error);
    }

    [Fact]
    public void Sessions_AreCachedByModel_AndTheLeastRecentlyUsedIsEvicted()
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
    public void TheSessionCache_IsAlsoBoundedByTheBytesOfTheModelsItHolds()
    {
        byte[] small = OnnxModelBuilder.Mlp(4, [3], 2, seed: 4);
        byte[] large = OnnxModelBuilder.Mlp(64, [256], 16, seed: 5);
        byte[] smallInput = Input(X([2, 4]));
        // Room for the two small models together, not for a small one beside the large one.
        using var runner = new OnnxJobRunner(OnnxRunnerOptions.Default with { CacheCapacity = 8, CacheBytes = Model.Length + small.Length + 16 });

        Assert.True(runner.Run(Model, smallInput).IsOk);
        Assert.True(runner.Run(small, smallInput).IsOk);
        Assert.Equal(2, runner.CachedSessions);
        Assert.True(large.Length > Model.Length + small.Length);
        Assert.True(runner.Run(large, Input(X([1, 64]))).IsOk);
        Assert.Equal(1, runner.CachedSessions);
    }

    /// <summary>Six values of each element type (extremes, NaN for floats), written as the doubles they equal.</summary>
    public static TheoryData<TensorElementType, double[]> EveryType() => new()
    {
        { TensorElementType.Float16, [0, 1.5, -2.25, 65504, 5.9604644775390625e-08, double.NaN] },
        { TensorElementType.Float32, [0, 1.5, -2.25, 3.4028234663852886e38, 1.401298464324817e-45, double.NaN] },
        { TensorElementType.Float64, [0, 1.5, -2.25, double.MaxValue, double.Epsilon, double.NaN] },
        { TensorElementType.UInt8, [0, 1, 2, 127, 128, 255] },
        { TensorElementType.Int8, [-128, -1, 0, 1, 2, 127] },
        { TensorElementType.UInt16, [0, 1, 2, 32767, 32768, 65535] },
        { TensorElementType.Int16, [-32768, -1, 0, 1, 2, 32767] },
        { TensorElementType.Int32, [int.MinValue, -1, 0, 1, 2, int.MaxValue] },
        { TensorElementType.UInt32, [0, 1, 2, 2147483648, 4e9, uint.MaxValue] },
        { TensorElementType.Int64, [long.MinValue, -1, 0, 1, 9007199254740992, 4611686018427387904] },
        { TensorElementType.UInt64, [0, 1, 2, 9223372036854775808, 9007199254740992, 18446744073709549568] },
        { TensorElementType.Bool, [0, 1, 1, 0, 1, 0] },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public void EveryElementType_IsBound_AndReadBack(TensorElementType type, double[] values)
    {
        var x = TypedTensors.Of(type, "x", [2, 3], values);

        var result = _runner.Run(TestModels.IdentityAndCast(type), TensorBlob.Encode([x]));

        Assert.True(result.IsOk, result.Message);
        var output = TensorBlob.Decode(result.Output);
        Assert.True(output.IsOk, output.Message);
        TensorAssert.Same(x with { Name = "same" }, output.Value.Find("same")!);
        var wide = output.Value.Find("wide")!;
        Assert.Equal([2, 3], wide.Shape);
        Assert.Equal(values, wide.As<double>().ToArray());
    }

    [Fact]
    public void AVersion1Input_GivesAVersion1Output()
    {
        var x = TensorData.Float32("x", [2], [1.5f, -4f]);

        var result = _runner.Run(TestModels.Doubling(TensorElementType.Float32, [null]), TensorBlob.Encode([x]));

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(TensorBlob.Encode([TensorData.Float32("y", [2], [3f, -8f])]), result.Output);
    }

    [Fact]
    public void ScalarsAndEmptyTensors_Run()
    {
        var scalar = _runner.Run(TestModels.Doubling(TensorElementType.Float32, []), TensorBlob.Encode([TensorData.Float32("x", [], [2.5f])]));
        var empty = _runner.Run(TestModels.Doubling(TensorElementType.Int64, [null, 2]), TensorBlob.Encode([TensorData.Int64("x", [0, 2], [])]));

        Assert.True(scalar.IsOk, scalar.Message);
        Assert.Equal(TensorBlob.Encode([TensorData.Float32("y", [], [5f])]), scalar.Output);
        Assert.True(empty.IsOk, empty.Message);
        Assert.Equal(TensorBlob.Encode([TensorData.Int64("y", [0, 2], [])]), empty.Output);
    }

    [Fact]
    public void AFolder_RunsEachItemInOrder_AndKeepsTheItemNames()
    {
        byte[] model = TestModels.Doubling(TensorElementType.Int32, [null, 2]);
        var input = new JobTensors(JobLayout.Folder,
        [
            new JobItem("scan_b", [TensorData.Int32("x", [1, 2], [1, 2])]),
            new JobItem("scan_a", [TensorData.Int32("x", [3, 2], [0, -1, 10, 20, int.MaxValue / 2, 7])]),
        ], ComputeError.None);

        var result = _runner.Run(model, input.Encode());

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(JobTensors.Version, result.Output[4]);
        var expected = new JobTensors(JobLayout.Folder,
        [
            new JobItem("scan_b", [TensorData.Int32("y", [1, 2], [2, 4])]),
            new JobItem("scan_a", [TensorData.Int32("y", [3, 2], [0, -2, 20, 40, int.MaxValue - 1, 14])]),
        ], ComputeError.None);
        TensorAssert.Same(expected, JobTensors.Decode(result.Output).Value!);
    }

    [Fact]
    public void AStackedBatch_RunsOncePerRow_AndStacksBack()
    {
        var batch = TensorData.Float64("x", [3, 2], [1, 2, 3, 4, 0.5, -0.25]);
        var input = JobTensors.SplitBatch([batch]).Value!;

        var result = _runner.Run(TestModels.Doubling(TensorElementType.Float64, [2]), input.Encode());

        Assert.True(result.IsOk, result.Message);
        var output = JobTensors.Decode(result.Output).Value!;
        Assert.Equal(JobLayout.Stacked, output.Layout);
        Assert.Equal(["0", "1", "2"], output.Items.Select(i => i.Name));
        TensorAssert.Same([TensorData.Float64("y", [2], [6, 8])], output.Items[1].Tensors);
        TensorAssert.Same([TensorData.Float64("y", [3, 2], [2, 4, 6, 8, 1, -0.5])], output.StackItems().Value!);
    }

    [Fact]
    public void ANamedSingleItem_KeepsItsName_InAVersion2Output()
    {
        var input = new JobTensors(JobLayout.Single, [new JobItem("photo", [TensorData.UInt8("x", [2], [3, 100])])], ComputeError.None);

        var result = _runner.Run(TestModels.Doubling(TensorElementType.UInt8, [2]), input.Encode());

        Assert.True(result.IsOk, result.Message);
        var output = JobTensors.Decode(result.Output).Value!;
        TensorAssert.Same(new JobTensors(JobLayout.Single, [new JobItem("photo", [TensorData.UInt8("y", [2], [6, 200])])], ComputeError.None), output);
    }

    [Fact]
    public void AnItemThatDoesNotFit_FailsTheJob_AndIsNamed()
    {
        var input = new JobTensors(JobLayout.Folder,
        [
            new JobItem("good", [TensorData.Float32("x", [2], [1f, 2f])]),
            new JobItem("bad", [TensorData.Float32("x", [3], [1f, 2f, 3f])]),
        ], ComputeError.None);

        var result = _runner.Run(TestModels.Doubling(TensorElementType.Float32, [2]), input.Encode());

        Assert.Equal(ComputeError.InputMismatch, result.Error);
        Assert.Contains("item \"bad\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFault_IsNotAnInput()
    {
        var result = _runner.Run(Model, JobTensors.Failed(JobLayout.Single, ComputeError.RunFailed).Encode());

        Assert.Equal(ComputeError.InputMismatch, result.Error);
        Assert.Contains("fault", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runner_DescribesItself()
    {
        Assert.Equal(ComputeJobKind.OnnxInference, _runner.Kind);
        Assert.Equal("onnxruntime-cpu", _runner.Backend);
        Assert.Equal((byte)1, (byte)ComputeJobKind.OnnxInference);
        Assert.Equal((byte)2, (byte)ComputeJobKind.Kernel);
    }
}
