using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Models;
using Fairshare.Compute.Models.Inspection;
using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;
using Fairshare.Testing;
using FsCheck;
using FsCheck.Xunit;
using Google.Protobuf;

namespace Fairshare.Compute.Tests.Models;

/// <summary>Hostile bytes and hostile graphs: inspection and the work estimate answer, they never throw.</summary>
public sealed class ModelFuzzTests
{
    private static readonly byte[] Classifier = File.ReadAllBytes(RealModels.Classifier);

    private static readonly TensorData[] ClassifierInput = [TensorData.Float32("x", [1, 3, 48, 192], new float[3 * 48 * 192])];

    private static readonly string[] Operators =
    [
        "Add", "Sub", "Mul", "Div", "Mod", "Pow", "Equal", "Less", "Where", "Not", "Relu", "Neg", "Floor", "Sqrt", "Cast", "CastLike",
        "Clip", "Identity", "Dropout", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Shape", "Size", "Transpose", "Concat", "Slice",
        "Split", "Gather", "GatherElements", "GatherND", "Tile", "Expand", "Pad", "Resize", "Upsample", "DepthToSpace",
        "SpaceToDepth", "ConstantOfShape", "Range", "OneHot", "TopK", "NonZero", "Compress", "ArgMax", "ReduceSum", "ReduceMean",
        "ReduceProd", "ReduceMax", "GlobalAveragePool", "MaxPool", "AveragePool", "Softmax", "LayerNormalization",
        "GroupNormalization", "BatchNormalization", "LRN", "MatMul", "Gemm", "Conv", "ConvTranspose", "Einsum", "LSTM", "GRU", "RNN",
        "Attention", "If", "Loop", "Scan", "Constant", "RandomNormal", "DynamicQuantizeLinear", "QLinearMatMul", "MatMulInteger",
        "QLinearConv", "Mean", "Max", "com.microsoft:Attention", "com.microsoft:MultiHeadAttention", "com.microsoft:MatMulNBits",
        "com.microsoft:FusedMatMul", "com.microsoft:SkipLayerNormalization", "com.microsoft:BiasGelu", "Unheard", "local:Twice",
    ];

    private static readonly string[] AttributeNames =
    [
        "axis", "axes", "perm", "kernel_shape", "strides", "pads", "dilations", "group", "keepdims", "transA", "transB", "to",
        "blocksize", "k", "split", "starts", "ends", "allowzero", "hidden_size", "num_heads", "mode", "auto_pad", "ceil_mode",
        "num_scan_inputs", "scan_input_axes", "scan_output_axes", "output_shape", "output_padding", "q_num_heads",
        "kv_num_heads", "K", "N", "batch_dims", "layout", "noop_with_empty_axes", "num_outputs", "scales", "start", "end", "fmod",
        "qkv_hidden_sizes", "equation", "value", "size", "dtype", "shape", "keep_aspect_ratio_policy", "value_ints",
    ];

    private static readonly long[] Integers = [-3, -2, -1, 0, 0, 1, 1, 1, 2, 2, 3, 4, 7, int.MaxValue, 1L << 40, long.MaxValue, long.MinValue];

    private static readonly string[] Texts = ["SAME_UPPER", "SAME_LOWER", "VALID", "NOTSET", "bij,bjk->bik", "ab,bc", "a...b->ab", "->", "ij->", "not_larger", "nearest", ""];

    [Property(MaxTest = 100, StartSize = 4, EndSize = 48)]
    public void CorruptingARealModel_NeverThrows(NonEmptyArray<DoNotSize<uint>> positions, byte[] values, bool nearTheStart, DoNotSize<ushort> cut)
    {
        byte[] model = (byte[])Classifier.Clone();
        uint span = nearTheStart ? 64 * 1024u : (uint)model.Length;
        for (int i = 0; i < positions.Get.Length; i++) model[positions.Get[i].Item % span] = values.Length > 0 ? values[i % values.Length] : (byte)0xFF;
        if (cut.Item % 4 == 0) model = model[..(model.Length - cut.Item)];

        var inspected = ModelInspector.Inspect(model);
        var estimate = WorkEstimator.ForOnnx(model, ClassifierInput);

        Assert.True(inspected.IsOk || inspected.Message is not null);
        Assert.True(estimate.IsOk || estimate.Message is not null);
    }

    [Property(MaxTest = 1000)]
    public void RandomGraphs_NeverThrow(DoNotSize<int> seed)
    {
        var random = new Random(seed.Item);
        var model = new ModelProto { IrVersion = 8, Graph = Graph(random, ["x", "n", "w", "m"], 0) };
        model.Graph.Initializer.Add(FloatTensor("w", [2, 2, 3, 3]));
        model.Graph.Initializer.Add(FloatTensor("m", [4, 4]));
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = random.GetItems<long>([7, 9, 10, 11, 13, 17, 18, 23], 1)[0] });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        var twice = new FunctionProto { Name = "Twice", Domain = "local" };
        twice.Input.Add("a");
        twice.Output.Add("b");
        twice.Node.Add(Node(random, "Add", ["a", "a"], ["b"], depth: 2));
        model.Functions.Add(twice);
        foreach (var (name, type, shape) in new[] { ("x", OnnxDataTypes.Float, Dims(random)), ("n", OnnxDataTypes.Int64, Array.Empty<long>()) })
        {
            var tensorShape = new TensorShapeProto();
            foreach (long d in shape) tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
            model.Graph.Input.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = type, Shape = tensorShape } } });
        }

        byte[] bytes = model.ToByteArray();
        long[] x = Dims(random);
        TensorData[] inputs = [TensorData.Float32("x", x, new float[x.Aggregate(1L, (p, d) => p * d)]), TensorData.Int64("n", [], [random.Next(-1, 4)])];

        var inspected = ModelInspector.Inspect(bytes);
        var estimate = WorkEstimator.ForOnnx(bytes, inputs);

        Assert.True(inspected.IsOk || inspected.Message is not null);
        Assert.True(estimate.IsOk, estimate.Message);
    }

    [Fact]
    public void ALongChain_CostsLinearWork()
    {
        var graph = new OnnxGraphBuilder("chain");
        string current = "x";
        for (int i = 0; i < 50_000; i++) current = graph.Node("Relu", [current]);
        byte[] model = graph.Build("x", [1, 8], current, [1, 8]);

        var estimate = WorkEstimator.ForOnnx(model, [TensorData.Float32("x", [1, 8], new float[8])]);

        Assert.True(ModelInspector.Inspect(model).IsOk);
        Assert.True(estimate.Value.Complete);
        Assert.Equal(50_000UL * 8, estimate.Value.ElementOperations);
    }

    [Fact]
    public void FunctionsCallingFunctions_StopAtTheEvaluationBudget()
    {
        // f0 calls f1 forty times, f1 calls f2 forty times, … : 40^6 evaluations if followed to the end.
        var model = new ModelProto { IrVersion = 8, Graph = new GraphProto { Name = "calls" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "local", Version = 1 });
        for (int f = 0; f <= 6; f++)
        {
            var function = new FunctionProto { Name = $"f{f}", Domain = "local" };
            function.Input.Add("a");
            function.Output.Add("b");
            string current = "a";
            for (int call = 0; call < 40; call++)
            {
                var node = new NodeProto { OpType = f < 6 ? $"f{f + 1}" : "Relu", Domain = f < 6 ? "local" : "" };
                node.Input.Add(current);
                current = call == 39 ? "b" : $"t{call}";
                node.Output.Add(current);
                function.Node.Add(node);
            }

            model.Functions.Add(function);
        }

        var root = new NodeProto { OpType = "f0", Domain = "local" };
        root.Input.Add("x");
        root.Output.Add("y");
        model.Graph.Node.Add(root);
        model.Graph.Input.Add(new ValueInfoProto { Name = "x", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = OnnxDataTypes.Float } } });
        model.Graph.Output.Add(new ValueInfoProto { Name = "y", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = OnnxDataTypes.Float } } });

        var estimate = WorkEstimator.ForOnnx(model.ToByteArray(), [TensorData.Float32("x", [2], [1f, 2f])]);

        Assert.True(estimate.IsOk);
        Assert.False(estimate.Value.Complete);
        Assert.True(ModelInspector.Inspect(model.ToByteArray()).IsOk);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(60, false)]
    public void DeeplyNestedSubgraphs_AreReadOrRefusedAsUnparseable(int depth, bool parses)
    {
        var leaf = new GraphProto { Name = "leaf" };
        leaf.Node.Add(new NodeProto { OpType = "Relu", Input = { "x" }, Output = { "r" } });
        leaf.Output.Add(new ValueInfoProto { Name = "r" });
        var body = leaf;
        for (int level = 0; level < depth; level++)
        {
            var outer = new GraphProto { Name = $"level{level}" };
            var node = new NodeProto { OpType = "If", Input = { "c" }, Output = { $"o{level}" } };
            node.Attribute.Add(new AttributeProto { Name = "then_branch", G = body });
            node.Attribute.Add(new AttributeProto { Name = "else_branch", G = leaf });
            outer.Node.Add(node);
            outer.Output.Add(new ValueInfoProto { Name = $"o{level}" });
            body = outer;
        }

        var model = new ModelProto { IrVersion = 8, Graph = body };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        var tensor = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = OnnxDataTypes.Float } };
        model.Graph.Input.Add(new ValueInfoProto { Name = "x", Type = tensor });
        model.Graph.Input.Add(new ValueInfoProto { Name = "c", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = OnnxDataTypes.Bool } } });
        model.Graph.Output[0].Type = tensor;
        byte[] bytes = model.ToByteArray();

        var inspected = ModelInspector.Inspect(bytes);
        var estimate = WorkEstimator.ForOnnx(bytes, [TensorData.Float32("x", [2], [1f, 2f])]);

        Assert.Equal(parses, inspected.IsOk);
        Assert.Equal(parses, estimate.IsOk);
        if (!parses) Assert.Equal(ComputeError.ModelUnparseable, inspected.Error);
    }

    /// <summary>Mostly the [1, 2, 4, 4] the weights fit, sometimes any small shape (empty ones included).</summary>
    private static long[] Dims(Random random) => random.Next(3) > 0
        ? [1, 2, 4, 4]
        : [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => (long)random.GetItems<int>([0, 1, 2, 3, 4], 1)[0])];

    private static TensorProto FloatTensor(string name, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = OnnxDataTypes.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(new float[dims.Aggregate(1L, (p, d) => p * d)]);
        return tensor;
    }

    private static GraphProto Graph(Random random, List<string> names, int depth)
    {
        var graph = new GraphProto { Name = $"g{depth}" };
        names = [.. names];
        int count = random.Next(1, depth == 0 ? 14 : 5);
        for (int i = 0; i < count; i++)
        {
            string op = random.GetItems(Operators, 1)[0];
            var inputs = new List<string>();
            for (int j = random.Next(0, 5); j > 0; j--)
            {
                if (random.Next(3) == 0)
                {
                    string constant = $"c{depth}_{i}_{j}";
                    graph.Node.Add(Node(random, "Constant", [], [constant], depth, IntegerTensor(random)));
                    inputs.Add(constant);
                }
                else
                {
                    inputs.Add(random.Next(8) == 0 ? "" : random.GetItems(names.ToArray(), 1)[0]);
                }
            }

            string[] outputs = [.. Enumerable.Range(0, random.Next(1, 4)).Select(k => $"v{depth}_{i}_{k}")];
            graph.Node.Add(Node(random, op, inputs, outputs, depth));
            names.AddRange(outputs);
        }

        graph.Output.Add(new ValueInfoProto { Name = names[^1] });
        return graph;
    }

    private static NodeProto Node(Random random, string op, List<string> inputs, string[] outputs, int depth, AttributeProto? value = null)
    {
        string[] parts = op.Split(':');
        var node = new NodeProto { OpType = parts[^1], Domain = parts.Length > 1 ? parts[0] : "", Name = outputs.FirstOrDefault() ?? op };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        if (value is not null) node.Attribute.Add(value);
        foreach (string name in random.GetItems(AttributeNames, random.Next(0, 6)).Distinct())
        {
            var attribute = new AttributeProto { Name = name };
            switch (random.Next(5))
            {
                case 0:
                    attribute.I = random.GetItems(Integers, 1)[0];
                    break;
                case 1:
                    attribute.Ints.AddRange(random.GetItems(Integers, random.Next(0, 9)));
                    break;
                case 2:
                    attribute.S = ByteString.CopyFromUtf8(random.GetItems(Texts, 1)[0]);
                    break;
                case 3:
                    attribute.Floats.AddRange(Enumerable.Range(0, random.Next(0, 5)).Select(_ => (float)(random.NextDouble() * 4 - 1)));
                    attribute.F = (float)random.NextDouble();
                    break;
                default:
                    attribute.T = IntegerTensor(random).T;
                    break;
            }

            node.Attribute.Add(attribute);
        }

        if (depth < 2 && node.OpType is "If" or "Loop" or "Scan")
        {
            foreach (string branch in node.OpType == "If" ? new[] { "then_branch", "else_branch" } : ["body"])
            {
                var body = Graph(random, [.. outputs.Concat(["x", "n"])], depth + 1);
                foreach (string input in new[] { "i", "cond", "h" }) body.Input.Add(new ValueInfoProto { Name = input });
                node.Attribute.Add(new AttributeProto { Name = branch, G = body });
            }
        }

        return node;
    }

    private static AttributeProto IntegerTensor(Random random)
    {
        long[] values = random.GetItems(Integers, random.Next(0, 6));
        var tensor = new TensorProto { DataType = OnnxDataTypes.Int64 };
        if (random.Next(4) > 0) tensor.Dims.Add(values.Length);
        else if (values.Length != 1) values = [values.FirstOrDefault()];
        tensor.Int64Data.AddRange(values);
        return new AttributeProto { Name = "value", T = tensor };
    }
}
