using Fairshare.Compute.Models.Onnx;
using Fairshare.Compute.Tensors;
using Google.Protobuf;

namespace Fairshare.Compute.Benchmarking;

/// <summary>
/// Estimates a job's work in multiply-accumulates. For ONNX models it propagates shapes from the actual input tensors
/// and the initializers through the graph and counts the MACs of <c>Gemm</c>, <c>MatMul</c> and <c>Conv</c>; shape-only
/// operators (<c>Relu</c>, <c>Softmax</c>, pooling, <c>Flatten</c>, element-wise arithmetic, …) count zero, and an
/// operator it does not know counts zero and leaves its outputs' shapes unknown, so what depends on them counts zero
/// too. That is exact for the generated models and a lower bound for others.
/// </summary>
public static class WorkEstimator
{
    private static readonly HashSet<string> ShapePreserving = new(StringComparer.Ordinal)
    {
        "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Identity", "Dropout", "Clip", "Erf", "Gelu",
        "BatchNormalization", "LayerNormalization", "Neg", "Abs", "Exp", "Log", "Sqrt",
    };

    private static readonly HashSet<string> Elementwise = new(StringComparer.Ordinal) { "Add", "Sub", "Mul", "Div", "Pow" };

    /// <summary>The work of <c>C [m, n] = A [m, k] · B [k, n]</c>: m·k·n MACs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative dimension.</exception>
    public static WorkEstimate ForMatMul(long m, long k, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return new WorkEstimate(Saturate(Product(m, k, n)));
    }

    /// <summary>The work of running <paramref name="model"/> (ONNX bytes) on <paramref name="input"/>.</summary>
    public static ComputeResult<WorkEstimate> ForOnnx(byte[] model, TensorBlob input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException e)
        {
            return ComputeResult<WorkEstimate>.Fail(ComputeError.ModelUnparseable, $"not an ONNX model: {e.Message}");
        }

        if (proto.Graph is null) return ComputeResult<WorkEstimate>.Fail(ComputeError.ModelUnparseable, "the model has no graph");

        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var initializer in proto.Graph.Initializer.Where(i => i.Dims.All(d => d >= 0))) shapes[initializer.Name] = [.. initializer.Dims];
        foreach (var tensor in input.Tensors) shapes[tensor.Name] = tensor.Shape;

        UInt128 macs = 0;
        foreach (var node in proto.Graph.Node)
        {
            var (output, nodeMacs) = Infer(node, shapes);
            macs = macs > UInt128.MaxValue - nodeMacs ? UInt128.MaxValue : macs + nodeMacs;
            if (output is not null && output.All(d => d >= 0) && node.Output.Count > 0) shapes[node.Output[0]] = output;
        }

        return ComputeResult<WorkEstimate>.Ok(new WorkEstimate(Saturate(macs)));
    }

    /// <summary>The first output's shape (null when unknown) and the MACs of one node.</summary>
    private static (long[]? Output, UInt128 Macs) Infer(NodeProto node, Dictionary<string, long[]> shapes)
    {
        var inputs = node.Input.Select(name => shapes.GetValueOrDefault(name)).ToArray();
        if (inputs.Length == 0 || inputs[0] is not long[] x) return (null, 0);
        if (ShapePreserving.Contains(node.OpType)) return (x, 0);
        return node.OpType switch
        {
            "Gemm" when inputs.Length >= 2 && inputs[1] is long[] w => Gemm(node, x, w),
            "MatMul" when inputs.Length >= 2 && inputs[1] is long[] w => MatMul(x, w),
            "Conv" when inputs.Length >= 2 && inputs[1] is long[] w => Conv(node, x, w),
            "MaxPool" or "AveragePool" => (Pool(node, x), 0),
            "GlobalAveragePool" or "GlobalMaxPool" when x.Length > 2 => ([x[0], x[1], .. Enumerable.Repeat(1L, x.Length - 2)], 0),
            "Flatten" => (Flatten(node, x), 0),
            _ when Elementwise.Contains(node.OpType) && inputs.Length == 2 && inputs[1] is long[] y => (Broadcast(x, y), 0),
            _ => (null, 0),
        };
    }

    private static (long[]? Output, UInt128 Macs) Gemm(NodeProto node, long[] a, long[] b)
    {
        if (a.Length != 2 || b.Length != 2) return (null, 0);
        bool transA = Int(node, "transA", 0) != 0, transB = Int(node, "transB", 0) != 0;
        long m = transA ? a[1] : a[0], k = transA ? a[0] : a[1];
        long n = transB ? b[0] : b[1];
        return ([m, n], Product(m, k, n));
    }

    private static (long[]? Output, UInt128 Macs) MatMul(long[] a, long[] b)
    {
        // numpy semantics: a 1-D operand is a row (left) or column (right) vector, dropped from the output again.
        long[] left = a.Length == 1 ? [1, a[0]] : a, right = b.Length == 1 ? [b[0], 1] : b;
        if (left.Length < 2 || right.Length < 2) return (null, 0);
        long m = left[^2], k = left[^1], n = right[^1];
        var batch = Broadcast(left[..^2], right[..^2]);
        if (batch is null) return (null, 0);
        UInt128 macs = Product([m, k, n, .. batch]);
        List<long> output = [.. batch];
        if (a.Length > 1) output.Add(m);
        if (b.Length > 1) output.Add(n);
        return ([.. output], macs);
    }

    private static (long[]? Output, UInt128 Macs) Conv(NodeProto node, long[] x, long[] w)
    {
        if (x.Length < 3 || w.Length != x.Length) return (null, 0);
        int spatial = x.Length - 2;
        long[] kernel = Ints(node, "kernel_shape") ?? w[2..];
        var output = SlidingWindow(node, x, kernel, spatial);
        if (output is null) return (null, 0);
        output[1] = w[0];
        // Each output element is a dot product over (C / group) input channels × the kernel window.
        return (output, Product([.. output, w[1], .. kernel]));
    }

    private static long[]? Pool(NodeProto node, long[] x)
    {
        if (x.Length < 3 || Ints(node, "kernel_shape") is not long[] kernel) return null;
        return SlidingWindow(node, x, kernel, x.Length - 2);
    }

    /// <summary>The output shape of a convolution or pooling window (auto_pad, pads, strides, dilations, ceil_mode).</summary>
    private static long[]? SlidingWindow(NodeProto node, long[] x, long[] kernel, int spatial)
    {
        if (kernel.Length != spatial) return null;
        long[] strides = Ints(node, "strides") ?? [.. Enumerable.Repeat(1L, spatial)];
        long[] dilations = Ints(node, "dilations") ?? [.. Enumerable.Repeat(1L, spatial)];
        long[] pads = Ints(node, "pads") ?? new long[2 * spatial];
        string autoPad = node.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8() ?? "NOTSET";
        bool ceil = Int(node, "ceil_mode", 0) != 0;
        if (strides.Length != spatial || dilations.Length != spatial || pads.Length != 2 * spatial || strides.Any(s => s < 1)) return null;

        long[] output = [.. x];
        for (int i = 0; i < spatial; i++)
        {
            long input = x[i + 2];
            if (autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[i + 2] = (input + strides[i] - 1) / strides[i];
                continue;
            }

            long padded = autoPad == "VALID" ? input : input + pads[i] + pads[i + spatial];
            long span = padded - dilations[i] * (kernel[i] - 1) - 1;
            if (span < 0) return null;
            output[i + 2] = (ceil ? (span + strides[i] - 1) / strides[i] : span / strides[i]) + 1;
        }

        return output;
    }

    private static long[] Flatten(NodeProto node, long[] x)
    {
        long axis = Int(node, "axis", 1);
        if (axis < 0) axis += x.Length;
        long outer = 1, inner = 1;
        for (int i = 0; i < x.Length; i++)
        {
            if (i < axis) outer *= x[i];
            else inner *= x[i];
        }

        return [outer, inner];
    }

    /// <summary>numpy broadcasting of two shapes; null when they do not broadcast.</summary>
    private static long[]? Broadcast(long[] a, long[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var output = new long[rank];
        for (int i = 1; i <= rank; i++)
        {
            long da = i <= a.Length ? a[^i] : 1, db = i <= b.Length ? b[^i] : 1;
            if (da != db && da != 1 && db != 1) return null;
            output[^i] = da == 1 ? db : da;
        }

        return output;
    }

    private static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;

    private static long[]? Ints(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? [.. attribute.Ints] : null;

    /// <summary>The product of the factors, saturating at <see cref="UInt128.MaxValue"/>; 0 if any factor is negative.</summary>
    private static UInt128 Product(params long[] factors)
    {
        if (factors.Any(f => f <= 0)) return 0;
        UInt128 product = 1;
        foreach (long f in factors)
        {
            if (product > UInt128.MaxValue / (ulong)f) return UInt128.MaxValue;
            product *= (ulong)f;
        }

        return product;
    }

    private static ulong Saturate(UInt128 value) => value > ulong.MaxValue ? ulong.MaxValue : (ulong)value;
}
