using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Tests.Models;

namespace Fairshare.Compute.Tests.Benchmarking;

/// <summary>The work of small models written with onnx.helper (<see cref="PythonModels"/>), counted by hand.</summary>
[Collection(PythonModelsCollection.Name)]
public sealed class GraphWorkTests(PythonModels models)
{
    private static TensorData F(string name, params long[] shape) => TensorData.Float32(name, shape, new float[shape.Aggregate(1L, (p, d) => p * d)]);

    private WorkEstimate Estimate(string model, params TensorData[] inputs)
    {
        var estimate = WorkEstimator.ForOnnx(models[model], inputs);
        Assert.True(estimate.IsOk, estimate.Message);
        return estimate.Value;
    }

    private static ulong Elements(WorkEstimate estimate, string op) => estimate.ByOperator.Single(o => o.OpType == op).ElementOperations;

    public static TheoryData<string, TensorData[], ulong> DenseCases() => new()
    {
        // Shape → Gather → Concat [2, -1] → Reshape to [2, 60] → MatMul by [60, 7].
        { "reshape_chain", [F("x", 2, 3, 4, 5)], 2 * 60 * 7 },
        // x [1, 4, 9, 9], w [6, 2, 3, 3], group 2, dilation 2, stride 2, pad 1: window 5 over 11 → 4 × 4 outputs of 6 maps, each 2·3·3.
        { "conv_grouped_dilated", [F("x", 1, 4, 9, 9)], 6 * 4 * 4 * (2 * 3 * 3) },
        // SAME_UPPER stride 2: ⌈9 / 2⌉ = 5 → [1, 8, 5, 5], each 4·3·3.
        { "conv_same_upper", [F("x", 1, 4, 9, 9)], 8 * 5 * 5 * (4 * 3 * 3) },
        // Each of the 4·5·5 input elements scattered into 3 maps × a 3×3 kernel.
        { "conv_transpose", [F("x", 1, 4, 5, 5)], 4 * 5 * 5 * (3 * 3 * 3) },
        // group 2: each input element into 2 of the 4 output maps × 3×3.
        { "conv_transpose_grouped", [F("x", 1, 4, 5, 5)], 4 * 5 * 5 * (2 * 3 * 3) },
        // Resize to sizes [1, 2, 6, 8], then [1, 2, 6, 8] · [8, 5].
        { "resize_sizes", [F("x", 1, 2, 3, 4)], 2 * 6 * 8 * 5 },
        // Q·Kᵀ: B 2 × heads 4 × S 3 × L 5 × head 8; weights·V: the same with head 6.
        { "attention", [F("q", 2, 4, 3, 8), F("k", 2, 4, 5, 8), F("v", 2, 4, 5, 6)], 2 * 4 * 3 * 5 * 8 + 2 * 4 * 3 * 5 * 6 },
        // 2 directions × 5 steps × batch 2 × 4 gates·4 hidden × (3 inputs + 4 hidden).
        { "lstm", [F("x", 5, 2, 3)], 2 * 5 * 2 * 16 * (3 + 4) },
        // bij,bjk->bik over b 2, i 3, j 4, k 5.
        { "einsum", [F("a", 2, 3, 4), F("b", 2, 4, 5)], 2 * 3 * 4 * 5 },
        // A constant true condition: the then branch's [1, 4] · [4, 4].
        { "if_constant", [F("x", 1, 4)], 16 },
        // 6 scan steps of [1, 4] · [4, 4].
        { "scan", [F("x", 6, 1, 4)], 6 * 16 },
        // A Loop of 3 (a Constant) over [1, 4] · [4, 4], its weights external: the estimate reads no data.
        { "external_in_loop", [F("x", 1, 4)], 3 * 16 },
    };

    [Theory]
    [MemberData(nameof(DenseCases))]
    public void MultiplyAccumulates_AreTheHandCountedOnes(string model, TensorData[] inputs, ulong macs)
    {
        var estimate = Estimate(model, inputs);

        Assert.True(estimate.Complete, string.Join(", ", estimate.UnknownNodes));
        Assert.Equal(macs, estimate.MultiplyAccumulates);
    }

    [Fact]
    public void ElementOperations_FollowTheDocumentedConstants()
    {
        // x [2, 8]: Softmax 4 per element, ReduceMean 1 per input element, LayerNormalization 4 per element,
        // Reshape free, MaxPool 2×2 stride 1 on [1, 1, 4, 4]: 3 × 3 outputs × a window of 4.
        var estimate = Estimate("elementwise_costs", F("x", 2, 8));

        Assert.True(estimate.Complete, string.Join(", ", estimate.UnknownNodes));
        Assert.Equal(0UL, estimate.MultiplyAccumulates);
        Assert.Equal(16UL * 4, Elements(estimate, "Softmax"));
        Assert.Equal(16UL, Elements(estimate, "ReduceMean"));
        Assert.Equal(16UL * 4, Elements(estimate, "LayerNormalization"));
        Assert.Equal(0UL, Elements(estimate, "Reshape"));
        Assert.Equal(9UL * 4, Elements(estimate, "MaxPool"));
        Assert.Equal(64UL + 16 + 64 + 36, estimate.ElementOperations);
        Assert.Equal(1UL, estimate.Units);
    }

    [Fact]
    public void ShapeArithmeticAndRecurrentGates_CountTheirElements()
    {
        var chain = Estimate("reshape_chain", F("x", 2, 3, 4, 5));
        var lstm = Estimate("lstm", F("x", 5, 2, 3));
        var transpose = Estimate("conv_transpose", F("x", 1, 4, 5, 5));

        Assert.Equal(1UL, Elements(chain, "Gather"));
        Assert.Equal(2UL, Elements(chain, "Concat"));
        Assert.Equal(2UL * 5 * 2 * 16, lstm.ElementOperations);
        Assert.Equal(3UL * 10 * 10, Elements(transpose, "Relu"));
        Assert.Equal(3UL * 10 * 10 * 4, transpose.LargestTensorBytes);
        Assert.Equal(2 * 3UL * 10 * 10 * 4, transpose.ActivationBytes);
    }

    [Fact]
    public void ALoopTripCountGivenAsAnInput_MultipliesTheBody()
    {
        var estimate = Estimate("loop_count_input", F("x", 1, 4), TensorData.Int64("n", [], [5]));

        Assert.True(estimate.Complete);
        Assert.Equal(5UL * 16, estimate.MultiplyAccumulates);
    }

    [Theory]
    [InlineData("loop_count_input")]
    [InlineData("loop_count_from_data")]
    [InlineData("while_loop")]
    public void ALoopWhoseTripCountIsUnknown_MakesTheEstimateIncomplete(string model)
    {
        // Not given, computed from a tensor too large to track, or M = 2^63 - 1 with a condition (a while loop).
        TensorData[] inputs = model == "loop_count_from_data" ? [F("x", 1, 4), F("d", 64, 128)] : [F("x", 1, 4)];

        var estimate = Estimate(model, inputs);

        Assert.False(estimate.Complete);
        Assert.Equal(1, estimate.UnknownNodeCount);
        Assert.Equal(["Loop node \"y\""], estimate.UnknownNodes.ToArray());
        Assert.Equal(16UL, estimate.MultiplyAccumulates);
    }

    [Fact]
    public void ACycle_IsNeverReached_AndNamed()
    {
        var estimate = Estimate("cycle", F("x", 1, 4));

        Assert.False(estimate.Complete);
        Assert.Equal(3, estimate.UnknownNodeCount);
        Assert.Contains("Add node \"a\"", estimate.UnknownNodes);
        Assert.Contains("Relu node \"b\"", estimate.UnknownNodes);
    }

    [Fact]
    public void AModelLocalFunction_CountsItsBody()
    {
        var estimate = Estimate("local_function", F("x", 1, 4));

        Assert.True(estimate.Complete);
        Assert.Equal(4UL, Elements(estimate, "Add"));
        Assert.Contains(estimate.ByOperator, o => o.OpType == "local.fns.Double");
    }

    [Fact]
    public void HugeDeclaredDimensions_Saturate()
    {
        var graph = new OnnxGraphBuilder("huge");
        string w = graph.Initializer("w", [1L << 40, 1L << 40], []);
        graph.Node("MatMul", ["x", w], "y");
        byte[] model = graph.Build("x", [1L << 40, 1L << 40], "y", [1L << 40, 1L << 40]);

        var estimate = WorkEstimator.ForOnnx(model, Array.Empty<TensorData>());

        Assert.True(estimate.IsOk, estimate.Message);
        Assert.Equal(ulong.MaxValue, estimate.Value.MultiplyAccumulates);
        Assert.Equal(ulong.MaxValue / WorkUnits.MacsPerUnit + 1, estimate.Value.Units);
    }
}
