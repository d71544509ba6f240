using Fairshare.Compute.Models;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Tensors;
using Fairshare.Testing;

namespace Fairshare.Compute.Tests.Models;

[Collection(PythonModelsCollection.Name)]
public sealed class ModelInspectorTests(PythonModels models)
{
    public static TheoryData<string, ComputeError, string[]> Refused() => new()
    {
        { "external_initializer", ComputeError.ModelExternalData, ["initializer \"w\"", "external file"] },
        { "external_in_loop", ComputeError.ModelExternalData, ["Constant node", "subgraph \"body\"", "Loop node", "external file"] },
        { "custom_domain", ComputeError.ModelUnsupportedOperator, ["FancyGelu", "com.example", "custom operator"] },
        { "custom_in_if", ComputeError.ModelUnsupportedOperator, ["Magic", "org.evil", "subgraph \"then\""] },
        { "unknown_operator", ComputeError.ModelUnknownOperator, ["FooBar", "not an operator of the ai.onnx domain"] },
        { "opset_too_high", ComputeError.ModelUnsupportedOpset, ["ai.onnx opset 27", "7 to 26"] },
        { "ir_too_high", ComputeError.ModelUnsupportedIrVersion, ["IR version 14", "up to 13"] },
        { "string_input", ComputeError.ModelUnsupportedType, ["input \"x\"", "string tensor"] },
        { "sequence_output", ComputeError.ModelUnsupportedType, ["output \"y\"", "sequence"] },
        { "no_inputs", ComputeError.ModelNoInputs, ["no inputs"] },
        { "no_outputs", ComputeError.ModelNoOutputs, ["no outputs"] },
        { "cycle", ComputeError.ModelCyclic, ["cycle", "Add node \"a\"", "Relu node \"b\""] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void BadModels_AreRefused_WithTheirCodeAndAMessageNamingTheProblem(string model, ComputeError expected, string[] named)
    {
        var result = ModelInspector.Inspect(models[model]);

        Assert.Equal(expected, result.Error);
        foreach (string fragment in named) Assert.Contains(fragment, result.Message);
    }

    [Fact]
    public void BytesThatAreNoModelAndATruncatedRealModel_AreUnparseable()
    {
        byte[] classifier = File.ReadAllBytes(RealModels.Classifier);

        var garbage = ModelInspector.Inspect("not an onnx model at all"u8);
        var truncated = ModelInspector.Inspect(classifier.AsSpan(0, classifier.Length / 2));
        var empty = ModelInspector.Inspect([]);

        Assert.Equal(ComputeError.ModelUnparseable, garbage.Error);
        Assert.Contains("not an ONNX model", garbage.Message);
        Assert.Equal(ComputeError.ModelUnparseable, truncated.Error);
        Assert.Equal(ComputeError.ModelUnparseable, empty.Error);
        Assert.Contains("no graph", empty.Message);
    }

    [Theory]
    [InlineData("ch_PP-OCRv4_det_infer.onnx", 11, 672, "sigmoid_0.tmp_0", "[p2o.DynamicDimension.3, 1, p2o.DynamicDimension.4, p2o.DynamicDimension.5]", 4687364)]
    [InlineData("ch_PP-OCRv4_rec_infer.onnx", 9, 765, "softmax_11.tmp_0", "[p2o.DynamicDimension.2, p2o.DynamicDimension.3, 6625]", 10761252)]
    [InlineData("ch_ppocr_mobile_v2.0_cls_infer.onnx", 9, 471, "softmax_0.tmp_0", "[p2o.DynamicDimension.3, 2]", 534660)]
    public void RealModels_Pass_AndTheirSignatureIsWhatOnnxReads(string file, long opset, int nodes, string output, string outputShape, long constantBytes)
    {
        // Expected figures from python3-onnx: onnx.load(...).opset_import, len(graph.node), graph.output, and the
        // element count × size of every Constant node's tensor.
        _ = RealModels.Detection; // fails with what to run when the models are not installed
        var result = ModelInspector.LoadCheck(File.ReadAllBytes(Path.Combine(RealModels.Folder, file)));

        Assert.True(result.IsOk, result.Message);
        var signature = result.Value;
        Assert.Equal(8, signature.IrVersion);
        Assert.Equal([new OpsetImport("ai.onnx", opset)], signature.Opsets.ToArray());
        Assert.Equal(nodes, signature.NodeCount);
        Assert.Equal(0, signature.InitializerBytes);
        Assert.Equal(constantBytes, signature.ConstantBytes);
        var input = Assert.Single(signature.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal(TensorElementType.Float32, input.ElementType);
        Assert.Equal(3, input.Shape!.Value[1].Size);
        Assert.Equal("p2o.DynamicDimension.0", input.Shape!.Value[0].Symbol);
        var y = Assert.Single(signature.Outputs);
        Assert.Equal(output, y.Name);
        Assert.Equal(outputShape, y.ShapeText);
        Assert.Equal(nodes, signature.Operators.Sum(o => o.Count));
    }

    [Fact]
    public void OperatorCountsOfTheDetectionModel_AreOnnxs()
    {
        // python3-onnx: collections.Counter(n.op_type for n in onnx.load(det).graph.node)
        var signature = ModelInspector.Inspect(File.ReadAllBytes(RealModels.Detection)).Value!;

        var counts = signature.Operators.ToDictionary(o => o.OpType, o => o.Count);
        Assert.All(signature.Operators, o => Assert.Equal("ai.onnx", o.Domain));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Constant"] = 342, ["Conv"] = 62, ["BatchNormalization"] = 3, ["Mul"] = 86, ["Add"] = 89, ["Clip"] = 24, ["Div"] = 24,
                ["GlobalAveragePool"] = 10, ["Relu"] = 12, ["HardSigmoid"] = 10, ["Resize"] = 6, ["Concat"] = 1, ["ConvTranspose"] = 2, ["Sigmoid"] = 1,
            },
            counts);
    }

    [Fact]
    public void WeightsListedAsGraphInputs_AreNotModelInputs()
    {
        var signature = ModelInspector.Inspect(models["weights_listed_as_input"]);

        Assert.True(signature.IsOk, signature.Message);
        Assert.Equal(["x"], signature.Value.Inputs.Select(i => i.Name).ToArray());
        Assert.Equal(4 * 4 * 4, signature.Value.InitializerBytes);
    }

    [Fact]
    public void AModelLocalFunction_MayUseItsOwnDomain_AndItsBodyIsListed()
    {
        var signature = ModelInspector.LoadCheck(models["local_function"]);

        Assert.True(signature.IsOk, signature.Message);
        Assert.Contains(new OperatorUse("local.fns", "Double", 1), signature.Value.Operators);
        Assert.Contains(new OperatorUse("ai.onnx", "Add", 1), signature.Value.Operators);
    }

    [Fact]
    public void TheGeneratedModels_PassTheLoadCheck()
    {
        var signature = ModelInspector.LoadCheck(OnnxModelBuilder.Mlp(16, [32], 5, seed: 1));

        Assert.True(signature.IsOk, signature.Message);
        var x = Assert.Single(signature.Value.Inputs);
        Assert.Equal("[batch, 16]", x.ShapeText);
        Assert.Equal("float32", x.TypeText);
        Assert.True(ModelInspector.LoadCheck(OnnxModelBuilder.ConvNet(3, 16, [4], 2, seed: 1)).IsOk);
    }

    [Theory]
    [InlineData("no_kernel", ComputeError.ModelUnsupportedOperator, "GRUUnit")]
    [InlineData("contrib_unknown", ComputeError.ModelUnsupportedOperator, "NotAnOp")]
    [InlineData("invalid_for_runtime", ComputeError.ModelInvalid, "MatMul")]
    public void WhatInspectionCannotSee_TheRuntimeLoadRefuses(string model, ComputeError expected, string named)
    {
        Assert.True(ModelInspector.Inspect(models[model]).IsOk);

        var result = ModelInspector.LoadCheck(models[model]);

        Assert.Equal(expected, result.Error);
        Assert.Contains(named, result.Message);
    }
}
