using System.Collections.Frozen;
using Fairshare.Compute.Models.Onnx;

namespace Fairshare.Compute.Benchmarking;

internal sealed partial class OnnxWorkCounter
{
    /// <summary>Element operations per element of softmax (max, subtract and exponentiate, sum, divide).</summary>
    public const int SoftmaxCost = 4;

    /// <summary>Element operations per element of layer, instance, group, RMS and Lp normalization (statistics, normalize, scale and shift).</summary>
    public const int NormalizationCost = 4;

    /// <summary>Element operations per element of inference-mode batch normalization (normalize, then scale and shift).</summary>
    public const int BatchNormalizationCost = 2;

    private static readonly FrozenSet<string> UnaryOperators = FrozenSet.Create(StringComparer.Ordinal,
    [
        "Abs", "Acos", "Acosh", "Affine", "Asin", "Asinh", "Atan", "Atanh", "Bernoulli", "BitwiseNot", "Ceil", "Celu", "Clip",
        "Cos", "Cosh", "CumSum", "DequantizeLinear", "Elu", "Erf", "Exp", "EyeLike", "Floor", "Gelu", "HardSigmoid",
        "HardSwish", "ImageScaler", "IsInf", "IsNaN", "LeakyRelu", "Log", "Mish", "Neg", "Not", "ParametricSoftplus",
        "QuantizeLinear", "RandomNormalLike", "RandomUniformLike", "Reciprocal", "Relu", "ReverseSequence", "Round",
        "Scale", "ScaledTanh", "Scatter", "ScatterElements", "ScatterND", "Selu", "Shrink", "Sigmoid", "Sign", "Sin",
        "Sinh", "Softplus", "Softsign", "Sqrt", "Swish", "Tan", "Tanh", "ThresholdedRelu", "Trilu",
    ]);

    private static readonly FrozenSet<string> BroadcastOperators = FrozenSet.Create(StringComparer.Ordinal,
    [
        "Add", "And", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "Div", "Equal", "Greater", "GreaterOrEqual",
        "Less", "LessOrEqual", "Max", "Mean", "Min", "Mod", "Mul", "Or", "PRelu", "Pow", "Sub", "Sum", "Xor",
    ]);

    private static readonly FrozenSet<string> BooleanResults = FrozenSet.Create(StringComparer.Ordinal,
        ["And", "Equal", "Greater", "GreaterOrEqual", "IsInf", "IsNaN", "Less", "LessOrEqual", "Not", "Or", "Xor"]);

    private static readonly FrozenSet<string> ReduceOperators = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd",
        "ReduceSum", "ReduceSumSquare",
    ]);

    private static NodeWork Default(Op op)
    {
        string type = op.Node.OpType;
        if (UnaryOperators.Contains(type)) return Unary(op);
        if (BroadcastOperators.Contains(type)) return Broadcasting(op, BooleanResults.Contains(type) ? OnnxDataTypes.Bool : 0);
        if (ReduceOperators.Contains(type)) return Reduce(op);
        return type switch
        {
            "Constant" => Constant(op),
            "Identity" or "Dropout" => PassThrough(op),
            "Reshape" => Reshape(op),
            "Flatten" => Flatten(op),
            "Squeeze" => Squeeze(op),
            "Unsqueeze" => Unsqueeze(op),
            "Shape" => ShapeOf(op),
            "Size" => SizeOf(op),
            "Cast" => Cast(op, (int)op.Int("to", 0)),
            "CastLike" => Cast(op, op.In(1)?.ElementType ?? 0),
            "Where" => Where(op),
            "Transpose" => Transpose(op),
            "Concat" => Concat(op),
            "Slice" => Slice(op),
            "Split" => Split(op),
            "Gather" => Gather(op),
            "GatherElements" => Moved(op, op.In(1)?.Shape, op.In(0)?.ElementType ?? 0),
            "GatherND" => GatherNd(op),
            "Tile" => Tile(op),
            "Expand" => Expand(op),
            "Pad" => Pad(op),
            "Resize" or "Upsample" => Resize(op),
            "DepthToSpace" or "SpaceToDepth" => DepthToSpace(op),
            "ConstantOfShape" => ConstantOfShape(op),
            "Range" => Range(op),
            "OneHot" => OneHot(op),
            "RandomNormal" or "RandomUniform" => Moved(op, op.Ints("shape"), (int)op.Int("dtype", OnnxDataTypes.Float)),
            "TopK" => TopK(op),
            "NonZero" => Searched(op, op.In(0)?.Shape is { } s ? [s.Length, -1] : null, OnnxDataTypes.Int64),
            "Compress" => Searched(op, op.In(0)?.Shape is { } s && op.Attribute("axis") is { } a && TryAxis(a.I, s.Length, out int axis)
                ? [.. s[..axis], -1, .. s[(axis + 1)..]] : [-1], op.In(0)?.ElementType ?? 0),
            "ArgMax" or "ArgMin" => ArgReduce(op),
            "GlobalAveragePool" or "GlobalMaxPool" or "GlobalLpPool" => GlobalPool(op),
            "MaxPool" or "AveragePool" or "LpPool" => Pool(op),
            "Softmax" or "LogSoftmax" or "Hardmax" => PerElement(op, SoftmaxCost),
            "InstanceNormalization" or "MeanVarianceNormalization" or "LpNormalization" => PerElement(op, NormalizationCost),
            "LayerNormalization" or "GroupNormalization" or "RMSNormalization" => Normalization(op),
            "BatchNormalization" => PerElement(op, BatchNormalizationCost),
            "LRN" => PerElement(op, Math.Max(op.Int("size", 1), 1)),
            "DynamicQuantizeLinear" => DynamicQuantize(op),
            "MatMul" or "MatMulInteger" => MatMul(op, op.In(0), op.In(1)),
            "QLinearMatMul" => MatMul(op, op.In(0), op.In(3)),
            "Gemm" => Gemm(op),
            "Conv" or "ConvInteger" => Conv(op, op.In(0), op.In(1)),
            "QLinearConv" => Conv(op, op.In(0), op.In(3)),
            "ConvTranspose" => ConvTranspose(op),
            "Einsum" => Einsum(op),
            "LSTM" => Recurrent(op, 4),
            "GRU" => Recurrent(op, 3),
            "RNN" => Recurrent(op, 1),
            "Attention" => Attention(op),
            _ => NodeWork.Unknown,
        };
    }

    private static NodeWork Microsoft(Op op) => op.Node.OpType switch
    {
        "FusedConv" => Conv(op, op.In(0), op.In(1)),
        "FusedGemm" => Gemm(op),
        "FusedMatMul" => FusedMatMul(op),
        "MatMulNBits" => MatMulNBits(op),
        "Attention" => MicrosoftAttention(op),
        "MultiHeadAttention" => MultiHeadAttention(op),
        "Gelu" or "FastGelu" or "QuickGelu" or "QuantizeLinear" or "DequantizeLinear" or "RotaryEmbedding" => Unary(op),
        "BiasGelu" or "BiasAdd" => Broadcasting(op, 0),
        "LayerNormalization" or "SimplifiedLayerNormalization" or "SkipLayerNormalization" or "SkipSimplifiedLayerNormalization" => Normalization(op),
        _ => NodeWork.Unknown,
    };

    /// <summary>A known output with its work.</summary>
    private static NodeWork Done(TensorInfo output, UInt128 macs = default, UInt128 elements = default) => new([output], macs, elements, true);

    /// <summary>Element operations: <paramref name="perElement"/> for each of <paramref name="elements"/>.</summary>
    private static UInt128 Cost(long elements, long perElement) => Saturating.Multiply((UInt128)(ulong)elements, (UInt128)(ulong)perElement);

    private static NodeWork PassThrough(Op op)
    {
        if (op.In(0) is not { } x) return NodeWork.Unknown;
        var mask = x.Shape is null ? TensorInfo.Unknown : TensorInfo.Of(OnnxDataTypes.Bool, x.Shape);
        return new NodeWork([x, mask], 0, 0, true);
    }

    /// <summary>An element-wise operator of one tensor: one operation per element, the input's shape.</summary>
    private static NodeWork Unary(Op op)
    {
        if (op.In(0) is not { } x || x.Elements < 0) return NodeWork.Unknown;
        int type = op.Node.OpType switch
        {
            _ when BooleanResults.Contains(op.Node.OpType) => OnnxDataTypes.Bool,
            "DequantizeLinear" => op.In(1)?.ElementType ?? OnnxDataTypes.Float,
            "QuantizeLinear" => op.In(2)?.ElementType ?? (int)op.Int("output_dtype", 2),
            "EyeLike" or "RandomNormalLike" or "RandomUniformLike" or "Bernoulli" => (int)op.Int("dtype", x.ElementType),
            _ => x.ElementType,
        };
        double[]? values = x.Values is { } v && UnaryValue(op.Node.OpType) is { } f ? Integral(type, [.. v.Select(f)]) : null;
        return Done(TensorInfo.Of(type, x.Shape, values), elements: Cost(x.Elements, 1));
    }

    /// <summary>An element-wise operator of broadcast tensors: one operation per output element.</summary>
    private static NodeWork Broadcasting(Op op, int resultType)
    {
        var present = op.Inputs.Where(i => i is not null).Select(i => i!).ToList();
        if (present.Count == 0) return NodeWork.Unknown;
        long[]? shape = present[0].Shape;
        foreach (var input in present.Skip(1)) shape = Broadcast(shape, input.Shape);
        if (shape is null || Array.Exists(shape, d => d < 0)) return NodeWork.Unknown;
        int type = resultType != 0 ? resultType : present[0].ElementType;
        double[]? values = null;
        if (BinaryValue(op) is { } f && present.All(p => p.Values is not null))
        {
            values = BroadcastValues(present[0].Values!, present[0].Shape!, shape);
            foreach (var input in present.Skip(1))
            {
                var next = BroadcastValues(input.Values!, input.Shape!, shape);
                values = values is null || next is null ? null : [.. values.Zip(next, f)];
            }

            if (values is not null && op.Node.OpType == "Mean") values = [.. values.Select(v => v / present.Count)];
            values = values is null ? null : Integral(type, values);
        }

        return Done(TensorInfo.Of(type, shape, values), elements: Cost(Saturating.Product(shape), 1));
    }

    private static NodeWork Where(Op op)
    {
        if (op.In(0) is not { } condition || op.In(1) is not { } x || op.In(2) is not { } y) return NodeWork.Unknown;
        var shape = Broadcast(Broadcast(condition.Shape, x.Shape), y.Shape);
        if (shape is null || Array.Exists(shape, d => d < 0)) return NodeWork.Unknown;
        double[]? values = null;
        if (condition.Values is { } c && x.Values is { } a && y.Values is { } b
            && BroadcastValues(c, condition.Shape!, shape) is { } cs && BroadcastValues(a, x.Shape!, shape) is { } xs && BroadcastValues(b, y.Shape!, shape) is { } ys)
        {
            values = new double[cs.Length];
            for (int i = 0; i < cs.Length; i++) values[i] = cs[i] != 0 ? xs[i] : ys[i];
        }

        return Done(TensorInfo.Of(x.ElementType, shape, values), elements: Cost(Saturating.Product(shape), 1));
    }

    private static NodeWork Cast(Op op, int to)
    {
        if (op.In(0) is not { } x || x.Elements < 0) return NodeWork.Unknown;
        double[]? values = x.Values is { } v ? Converted(v, to) : null;
        return Done(TensorInfo.Of(to, x.Shape, values), elements: Cost(x.Elements, 1));
    }

    /// <summary>An operator whose cost is a constant per element of its (same-shaped) first output.</summary>
    private static NodeWork PerElement(Op op, long perElement)
    {
        if (op.In(0) is not { } x || x.Elements < 0) return NodeWork.Unknown;
        return Done(x with { Values = null }, elements: Cost(x.Elements, perElement));
    }

    /// <summary>Layer, group and RMS normalization (with the optional mean and inverse deviation outputs, and a skip sum).</summary>
    private static NodeWork Normalization(Op op)
    {
        if (op.In(0) is not { } x || x.Elements < 0 || x.Shape is not { } shape) return NodeWork.Unknown;
        long axis = op.Node.OpType == "GroupNormalization" ? 1 : op.Int("axis", -1);
        var statistics = TryAxis(axis, shape.Length, out int a)
            ? TensorInfo.Of(OnnxDataTypes.Float, [.. shape[..a], .. Enumerable.Repeat(1L, shape.Length - a)])
            : TensorInfo.Unknown;
        var y = x with { Values = null };
        return new NodeWork([y, statistics, statistics, y], 0, Cost(x.Elements, NormalizationCost), true);
    }

    /// <summary>An operator producing a new tensor of a known shape by moving or generating elements: one operation per output element.</summary>
    private static NodeWork Moved(Op op, long[]? shape, int type, double[]? values = null)
    {
        if (shape is null || Array.Exists(shape, d => d < 0) || shape.Length > TensorInfo.MaxRank) return NodeWork.Unknown;
        return Done(TensorInfo.Of(type, shape, values), elements: Cost(Saturating.Product(shape), 1));
    }

    /// <summary>An operator reading each input element once whose output size depends on the data (NonZero, Compress).</summary>
    private static NodeWork Searched(Op op, long[]? shape, int type)
    {
        if (op.In(0) is not { } x || x.Elements < 0) return NodeWork.Unknown;
        return Done(TensorInfo.Of(type, shape), elements: Cost(x.Elements, 1));
    }

    private static NodeWork Reduce(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape || x.Elements < 0) return NodeWork.Unknown;
        long[]? axes = op.Ints("axes");
        if (axes is null && op.In(1) is { } axesInput)
        {
            axes = axesInput.Integers();
            if (axes is null) return NodeWork.Unknown;
        }

        bool keep = op.Int("keepdims", 1) != 0;
        if (axes is null or { Length: 0 })
        {
            if (op.Int("noop_with_empty_axes", 0) != 0) return Done(x, elements: Cost(x.Elements, 1));
            axes = [.. Enumerable.Range(0, shape.Length).Select(i => (long)i)];
        }

        var reduced = new bool[shape.Length];
        foreach (long axis in axes)
        {
            if (!TryAxis(axis, shape.Length, out int a)) return NodeWork.Unknown;
            reduced[a] = true;
        }

        long[] output = keep
            ? [.. shape.Select((d, i) => reduced[i] ? 1 : d)]
            : [.. shape.Where((_, i) => !reduced[i])];
        double[]? values = x.Values is { } v ? ReducedValues(op.Node.OpType, v, shape, reduced, Saturating.Product(output)) : null;
        return Done(TensorInfo.Of(x.ElementType, output, values), elements: Cost(x.Elements, 1));
    }

    private static NodeWork ArgReduce(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape || x.Elements < 0 || !TryAxis(op.Int("axis", 0), shape.Length, out int a))
            return NodeWork.Unknown;
        long[] output = op.Int("keepdims", 1) != 0 ? [.. shape[..a], 1, .. shape[(a + 1)..]] : [.. shape[..a], .. shape[(a + 1)..]];
        return Done(TensorInfo.Of(OnnxDataTypes.Int64, output), elements: Cost(x.Elements, 1));
    }

    private static NodeWork TopK(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape || x.Elements < 0 || !TryAxis(op.Int("axis", -1), shape.Length, out int a))
            return NodeWork.Unknown;
        long? k = op.Opset < 10 ? op.Int("k", -1) : op.In(1)?.Integers() is [long value] ? value : null;
        if (k is not long count || count < 0) return NodeWork.Unknown;
        long[] output = [.. shape[..a], count, .. shape[(a + 1)..]];
        return new NodeWork([TensorInfo.Of(x.ElementType, output), TensorInfo.Of(OnnxDataTypes.Int64, output)], 0, Cost(x.Elements, 1), true);
    }

    private static NodeWork GlobalPool(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { Length: > 2 } shape || x.Elements < 0) return NodeWork.Unknown;
        return Done(TensorInfo.Of(x.ElementType, [shape[0], shape[1], .. Enumerable.Repeat(1L, shape.Length - 2)]), elements: Cost(x.Elements, 1));
    }

    /// <summary>Max, average and Lp pooling: each output element reads its window.</summary>
    private static NodeWork Pool(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { Length: > 2 } shape || op.Ints("kernel_shape") is not { } kernel) return NodeWork.Unknown;
        var output = SlidingWindow(op, shape, kernel);
        if (output is null) return NodeWork.Unknown;
        var y = TensorInfo.Of(x.ElementType, output);
        return new NodeWork([y, TensorInfo.Of(OnnxDataTypes.Int64, output)], 0, Saturating.Multiply(Cost(y.Elements, 1), (UInt128)(ulong)Saturating.Product(kernel)), true);
    }

    private static NodeWork DynamicQuantize(Op op)
    {
        if (op.In(0) is not { } x || x.Elements < 0) return NodeWork.Unknown;
        return new NodeWork([TensorInfo.Of(2, x.Shape), TensorInfo.Of(OnnxDataTypes.Float, []), TensorInfo.Of(2, [])], 0, Cost(x.Elements, 2), true);
    }
}
