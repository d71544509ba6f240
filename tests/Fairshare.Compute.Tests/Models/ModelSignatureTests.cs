using Fairshare.Compute.Models;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Tests.Models;

public sealed class ModelSignatureTests
{
    /// <summary>The generated MLP's signature: one input x float32 [batch, 16].</summary>
    private static readonly ModelSignature Mlp = ModelInspector.Inspect(OnnxModelBuilder.Mlp(16, [32], 5, seed: 1)).Value!;

    /// <summary>Two inputs sharing the symbol "batch": a float32 [batch, 3, ?] and b int64 [batch].</summary>
    private static readonly ModelSignature Pair = new(
        8, [new OpsetImport("ai.onnx", 17)], [], [
            new ModelTensor("a", TensorElementType.Float32, [ModelDimension.Symbolic("batch"), ModelDimension.Fixed(3), ModelDimension.Unknown]),
            new ModelTensor("b", TensorElementType.Int64, [ModelDimension.Symbolic("batch")]),
        ], [new ModelTensor("y", TensorElementType.Float32, null)], 0, 0, 1);

    private static TensorData X(params long[] shape) => TensorData.Float32("x", shape, new float[shape.Aggregate(1L, (p, d) => p * d)]);

    private static TensorData A(params long[] shape) => X(shape) with { Name = "a" };

    private static TensorData B(long length) => TensorData.Int64("b", [length], new long[length]);

    public static TheoryData<string, TensorData[], ComputeError, string[]> Misfits() => new()
    {
        { "extra tensor", [X(2, 16), X(2, 16) with { Name = "z" }], ComputeError.InputUnknownName, ["\"z\"", "its inputs are \"x\""] },
        { "no tensor", [], ComputeError.InputMissing, ["\"x\"", "float32 [batch, 16]"] },
        { "int64 for float32", [TensorData.Int64("x", [2, 16], new long[32])], ComputeError.InputWrongType, ["int64", "float32"] },
        { "rank 1 for rank 2", [X(16)], ComputeError.InputWrongRank, ["rank 1", "rank 2"] },
        { "15 wide for 16", [X(2, 15)], ComputeError.InputWrongDimension, ["axis 1", "size 15", "wants 16"] },
        { "the same name twice", [X(2, 16), X(2, 16)], ComputeError.InputDuplicateName, ["\"x\""] },
    };

    [Theory]
    [MemberData(nameof(Misfits))]
    public void InputsThatDoNotFit_GetTheirCode_AndAMessageSayingWhatTheModelWants(string what, TensorData[] inputs, ComputeError expected, string[] named)
    {
        var problem = Mlp.Check(inputs);

        Assert.Equal((what, expected), (what, problem?.Error));
        foreach (string fragment in named) Assert.Contains(fragment, problem?.Message);
    }

    [Fact]
    public void DynamicDimensions_TakeAnySize()
    {
        Assert.Null(Mlp.Check([X(1, 16)]));
        Assert.Null(Mlp.Check([X(977, 16)]));
        Assert.Null(Mlp.Check([X(0, 16)]));
        Assert.Null(Pair.Check([A(4, 3, 1), B(4)]));
        Assert.Null(Pair.Check([A(4, 3, 250), B(4)]));
    }

    [Fact]
    public void ASymbolicDimension_MustBeOneSizeAcrossTheInputs()
    {
        var problem = Pair.Check([A(4, 3, 1), B(5)]);

        Assert.NotNull(problem);
        Assert.Equal(ComputeError.InputSymbolMismatch, problem.Error);
        Assert.Contains("\"batch\" is 4 in input \"a\" (axis 0) but 5 in input \"b\" (axis 0)", problem.Message);
    }

    [Fact]
    public void AnInputOfUndeclaredRank_TakesAnyShape()
    {
        var loose = Mlp with { Inputs = [new ModelTensor("x", TensorElementType.Float32, null)] };

        Assert.Null(loose.Check([X(2, 3, 4)]));
        Assert.Null(loose.Check([X()]));
    }
}
