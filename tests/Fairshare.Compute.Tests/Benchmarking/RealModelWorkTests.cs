using System.Text.Json;
using Fairshare.Compute.Benchmarking;
using Fairshare.Compute.Tensors;
using Fairshare.Testing;

namespace Fairshare.Compute.Tests.Benchmarking;

/// <summary>
/// The work estimate of the real PP-OCR models against an independent reference: ONNX 1.12's own shape inference
/// (<c>infer_shapes(data_prop=True)</c> after fixing the input's dimensions) and a MAC counter written here in Python
/// from the inferred shapes. ONNX 1.12 follows computed shapes into Reshape only from opset 14, and these models are
/// opset 9 and 11, so the script evaluates their small Shape → Cast → Slice → Concat chains with numpy and folds the
/// results into initializers until inference settles.
/// </summary>
public sealed class RealModelWorkTests : IClassFixture<RealModelWorkTests.Reference>
{
    private const string Script = """
        import json, sys
        import numpy as np
        import onnx
        from onnx import helper, numpy_helper, shape_inference

        def attr(node, name, default=None):
            for a in node.attribute:
                if a.name == name:
                    return helper.get_attribute_value(a)
            return default

        def known_shapes(m):
            out = {}
            for vi in list(m.graph.value_info) + list(m.graph.input) + list(m.graph.output):
                t = vi.type.tensor_type
                if t.HasField('shape') and all(d.HasField('dim_value') for d in t.shape.dim):
                    out[vi.name] = [d.dim_value for d in t.shape.dim]
            for init in m.graph.initializer:
                out[init.name] = list(init.dims)
            for n in m.graph.node:
                if n.op_type == 'Constant':
                    out[n.output[0]] = list(attr(n, 'value').dims)
            return out

        def fold(m):
            shapes = known_shapes(m)
            values = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
            for n in m.graph.node:
                ins = [values.get(i) for i in n.input]
                if n.op_type == 'Constant':
                    values[n.output[0]] = numpy_helper.to_array(attr(n, 'value'))
                elif n.op_type == 'Shape' and n.input[0] in shapes:
                    values[n.output[0]] = np.array(shapes[n.input[0]], dtype=np.int64)
                elif any(v is None for v in ins):
                    continue
                elif n.op_type == 'Cast':
                    values[n.output[0]] = ins[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[attr(n, 'to')])
                elif n.op_type == 'Concat':
                    values[n.output[0]] = np.concatenate(ins, axis=attr(n, 'axis'))
                elif n.op_type == 'Slice' and len(ins) == 1:
                    index = [slice(None)] * ins[0].ndim
                    for axis, start, end in zip(attr(n, 'axes'), attr(n, 'starts'), attr(n, 'ends')):
                        index[axis] = slice(start, end)
                    values[n.output[0]] = ins[0][tuple(index)]
            changed = False
            for n in m.graph.node:
                if n.op_type == 'Reshape' and n.input[1] in values and n.output[0] not in shapes:
                    name = n.input[1] + '.folded'
                    if all(i.name != name for i in m.graph.initializer):
                        m.graph.initializer.append(numpy_helper.from_array(values[n.input[1]].astype(np.int64), name))
                    n.input[1] = name
                    changed = True
            return changed

        def prod(xs):
            p = 1
            for v in xs:
                p *= v
            return p

        for arg in sys.argv[1:]:
            path, dims = arg.rsplit(':', 1)
            model = onnx.load(path)
            for d, v in zip(model.graph.input[0].type.tensor_type.shape.dim, dims.split(',')):
                d.Clear()
                d.dim_value = int(v)
            while True:
                del model.graph.value_info[:]
                model = shape_inference.infer_shapes(model, data_prop=True)
                if not fold(model):
                    break
            shapes = known_shapes(model)
            macs, outputs, inputs, windows, unknown = {}, {}, {}, {}, []
            for n in model.graph.node:
                ins = [shapes.get(i) for i in n.input if i]
                out = shapes.get(n.output[0])
                if out is None or any(s is None for s in ins):
                    unknown.append(n.output[0])
                    continue
                op = n.op_type
                if op == 'Conv':
                    macs[op] = macs.get(op, 0) + prod(out) * prod(ins[1][1:])
                elif op == 'ConvTranspose':
                    macs[op] = macs.get(op, 0) + prod(ins[0]) * prod(ins[1][1:])
                elif op == 'MatMul':
                    macs[op] = macs.get(op, 0) + prod(out) * ins[0][-1]
                elif op == 'Gemm':
                    macs[op] = macs.get(op, 0) + prod(out) * ins[0][0 if attr(n, 'transA', 0) else 1]
                else:
                    outputs[op] = outputs.get(op, 0) + prod(out)
                    inputs[op] = inputs.get(op, 0) + (prod(ins[0]) if ins else 0)
                    windows[op] = windows.get(op, 0) + prod(out) * prod(attr(n, 'kernel_shape', []))
            print(json.dumps({'macs': macs, 'outputs': outputs, 'inputs': inputs, 'windows': windows, 'unknown': unknown}))
        """;

    private readonly Reference _reference;

    public RealModelWorkTests(Reference reference) => _reference = reference;

    /// <summary>What <c>docs/compute.md</c> says an operator costs, from the reference's sizes: element operations per output element, per input element, or per output element × window.</summary>
    private static ulong Expected(string op, Figures figures) => op switch
    {
        "Constant" or "Reshape" or "Squeeze" or "Shape" or "Flatten" or "Unsqueeze" => 0,
        "Softmax" => 4 * figures.Outputs[op],
        "BatchNormalization" => 2 * figures.Outputs[op],
        "ReduceMean" or "GlobalAveragePool" => figures.Inputs[op],
        "MaxPool" or "AveragePool" => figures.Windows[op],
        _ => figures.Outputs[op],
    };

    public static TheoryData<string, long[]> Cases() => new()
    {
        { "det", [1, 3, 640, 640] },
        { "det", [1, 3, 320, 480] },
        { "rec", [1, 3, 48, 320] },
        { "rec", [2, 3, 48, 160] },
        { "cls", [1, 3, 48, 192] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MacsPerOperator_EqualOnnxShapeInference_AndElementOperationsFitItsSizes(string model, long[] shape)
    {
        var figures = _reference.For(model, shape);
        Assert.Empty(figures.Unknown);

        var estimate = Estimate(model, shape);

        Assert.True(estimate.Complete, string.Join(", ", estimate.UnknownNodes));
        var ours = estimate.ByOperator.ToDictionary(o => o.OpType);
        foreach (var (op, macs) in figures.Macs) Assert.Equal((op, macs), (op, ours[op].MultiplyAccumulates));
        foreach (string op in figures.Outputs.Keys) Assert.Equal((op, Expected(op, figures)), (op, ours[op].ElementOperations));
        Assert.Equal(figures.Macs.Values.Aggregate(0UL, (a, b) => a + b), estimate.MultiplyAccumulates);
        Assert.Equal(figures.Outputs.Keys.Aggregate(0UL, (sum, op) => sum + Expected(op, figures)), estimate.ElementOperations);
    }

    [Theory]
    [InlineData("det", new long[] { 1, 3, 640, 640 }, 2459UL)]
    [InlineData("det", new long[] { 1, 3, 320, 480 }, 922UL)]
    [InlineData("rec", new long[] { 1, 3, 48, 320 }, 749UL)]
    [InlineData("rec", new long[] { 2, 3, 48, 160 }, 749UL)]
    [InlineData("cls", new long[] { 1, 3, 48, 192 }, 20UL)]
    public void WorkUnits_AreTheReferenceFigures_DocumentedInComputeMd(string model, long[] shape, ulong documented)
    {
        var figures = _reference.For(model, shape);
        ulong total = figures.Macs.Values.Aggregate(0UL, (a, b) => a + b) + figures.Outputs.Keys.Aggregate(0UL, (sum, op) => sum + Expected(op, figures));

        Assert.Equal(documented, (total + 999_999) / 1_000_000);
        Assert.Equal(documented, Estimate(model, shape).Units);
    }

    private static WorkEstimate Estimate(string model, long[] shape)
    {
        var input = TensorData.Float32("x", shape, new float[shape.Aggregate(1L, (p, d) => p * d)]);
        var estimate = WorkEstimator.ForOnnx(File.ReadAllBytes(Reference.Path(model)), [input]);
        Assert.True(estimate.IsOk, estimate.Message);
        return estimate.Value;
    }

    /// <summary>The reference figures of one model at one input shape.</summary>
    public sealed record Figures(
        Dictionary<string, ulong> Macs, Dictionary<string, ulong> Outputs, Dictionary<string, ulong> Inputs, Dictionary<string, ulong> Windows, List<string> Unknown);

    /// <summary>Runs the reference once for every case (one Python process).</summary>
    public sealed class Reference
    {
        private readonly Dictionary<string, Figures> _figures = [];

        public Reference()
        {
            var cases = Cases().Select(row => ((string)row[0], (long[])row[1])).ToList();
            string[] lines = Python.Run(Script, [.. cases.Select(c => $"{Path(c.Item1)}:{string.Join(',', c.Item2)}")])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(cases.Count, lines.Length);
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            for (int i = 0; i < cases.Count; i++) _figures[Key(cases[i].Item1, cases[i].Item2)] = JsonSerializer.Deserialize<Figures>(lines[i], options)!;
        }

        public static string Path(string model) => model switch
        {
            "det" => RealModels.Detection,
            "rec" => RealModels.Recognition,
            _ => RealModels.Classifier,
        };

        public Figures For(string model, long[] shape) => _figures[Key(model, shape)];

        private static string Key(string model, long[] shape) => $"{model} {string.Join('×', shape)}";
    }
}
