using Fairshare.Compute.Models.Onnx;

namespace Fairshare.Compute.Benchmarking;

internal sealed partial class OnnxWorkCounter
{
    /// <summary>The product of known sizes as a MAC count (saturating).</summary>
    private static UInt128 Macs(params long[] factors)
    {
        UInt128 product = 1;
        foreach (long f in factors)
        {
            if (f <= 0) return 0;
            product = Saturating.Multiply(product, (UInt128)(ulong)f);
        }

        return product;
    }

    /// <summary>MatMul (numpy semantics: a 1-D operand is a row or column vector, dropped from the output again).</summary>
    private static NodeWork MatMul(Op op, TensorInfo? a, TensorInfo? b)
    {
        if (a is null || b is null || !a.HasShape || !b.HasShape || MatMulShape(a.Shape, b.Shape) is not { } product) return NodeWork.Unknown;
        int type = op.Node.OpType switch
        {
            "MatMulInteger" => OnnxDataTypes.Int32,
            "QLinearMatMul" => op.In(7)?.ElementType ?? 2,
            _ => a.ElementType,
        };
        return Done(TensorInfo.Of(type, product.Output), product.Macs);
    }

    private static (long[] Output, UInt128 Macs)? MatMulShape(long[] a, long[] b)
    {
        if (a.Length == 0 || b.Length == 0) return null;
        long[] left = a.Length == 1 ? [1, a[0]] : a, right = b.Length == 1 ? [b[0], 1] : b;
        long m = left[^2], k = left[^1], n = right[^1];
        if (k != right[^2]) return null;
        var batch = Broadcast(left[..^2], right[..^2]);
        if (batch is null) return null;
        List<long> output = [.. batch];
        if (a.Length > 1) output.Add(m);
        if (b.Length > 1) output.Add(n);
        return ([.. output], Macs([m, k, n, .. batch]));
    }

    private static NodeWork Gemm(Op op)
    {
        if (op.In(0) is not { Shape: [long a0, long a1] } a || op.In(1) is not { Shape: [long b0, long b1] } || !a.HasShape || !op.In(1)!.HasShape)
            return NodeWork.Unknown;
        bool transA = op.Int("transA", 0) != 0, transB = op.Int("transB", 0) != 0;
        long m = transA ? a1 : a0, k = transA ? a0 : a1, kb = transB ? b1 : b0, n = transB ? b0 : b1;
        if (k != kb) return NodeWork.Unknown;
        return Done(TensorInfo.Of(a.ElementType, [m, n]), Macs(m, k, n));
    }

    /// <summary>com.microsoft FusedMatMul: a MatMul whose operands' last two dimensions may be transposed first.</summary>
    private static NodeWork FusedMatMul(Op op)
    {
        if (op.In(0) is not { } a || op.In(1) is not { } b || !a.HasShape || !b.HasShape || a.Shape.Length < 2 || b.Shape.Length < 2
            || op.Int("transBatchA", 0) != 0 || op.Int("transBatchB", 0) != 0)
            return NodeWork.Unknown;
        static long[] Swap(long[] s, bool swap) => swap ? [.. s[..^2], s[^1], s[^2]] : s;
        if (MatMulShape(Swap(a.Shape, op.Int("transA", 0) != 0), Swap(b.Shape, op.Int("transB", 0) != 0)) is not { } product) return NodeWork.Unknown;
        return Done(TensorInfo.Of(a.ElementType, product.Output), product.Macs);
    }

    /// <summary>com.microsoft MatMulNBits: A [..., K] times a block-quantized B of K × N (the attributes).</summary>
    private static NodeWork MatMulNBits(Op op)
    {
        long k = op.Int("K", 0), n = op.Int("N", 0);
        if (op.In(0) is not { } a || !a.HasShape || a.Shape.Length < 1 || a.Shape[^1] != k || n < 0) return NodeWork.Unknown;
        long[] output = [.. a.Shape[..^1], n];
        return Done(TensorInfo.Of(a.ElementType, output), Macs([.. a.Shape, n]));
    }

    /// <summary>Conv: each output element is a dot product over C / group input channels × the kernel window.</summary>
    private static NodeWork Conv(Op op, TensorInfo? x, TensorInfo? w)
    {
        if (x is null || w is null || !x.HasShape || !w.HasShape || x.Shape.Length < 3 || w.Shape.Length != x.Shape.Length) return NodeWork.Unknown;
        long group = op.Int("group", 1);
        if (group < 1 || x.Shape[1] != Saturating.Multiply(w.Shape[1], group)) return NodeWork.Unknown;
        long[] kernel = op.Ints("kernel_shape") ?? w.Shape[2..];
        if (!kernel.SequenceEqual(w.Shape[2..]) || SlidingWindow(op, x.Shape, kernel) is not { } output) return NodeWork.Unknown;
        output[1] = w.Shape[0];
        int type = op.Node.OpType switch
        {
            "ConvInteger" => OnnxDataTypes.Int32,
            "QLinearConv" => op.In(7)?.ElementType ?? 2,
            _ => x.ElementType,
        };
        return Done(TensorInfo.Of(type, output), Macs([.. output, .. w.Shape[1..]]));
    }

    /// <summary>ConvTranspose: every input element is scattered into M / group output channels × the kernel window.</summary>
    private static NodeWork ConvTranspose(Op op)
    {
        if (op.In(0) is not { } x || op.In(1) is not { } w || !x.HasShape || !w.HasShape || x.Shape.Length < 3 || w.Shape.Length != x.Shape.Length)
            return NodeWork.Unknown;
        int spatial = x.Shape.Length - 2;
        long group = op.Int("group", 1);
        if (group < 1 || x.Shape[1] != w.Shape[0]) return NodeWork.Unknown;
        long[] kernel = op.Ints("kernel_shape") ?? w.Shape[2..];
        long[] strides = op.Ints("strides") ?? [.. Enumerable.Repeat(1L, spatial)];
        long[] dilations = op.Ints("dilations") ?? [.. Enumerable.Repeat(1L, spatial)];
        long[] pads = op.Ints("pads") ?? new long[2 * spatial];
        long[] outputPadding = op.Ints("output_padding") ?? new long[spatial];
        long[]? outputShape = op.Ints("output_shape");
        if (outputShape is not null && outputShape.Length == x.Shape.Length) outputShape = outputShape[2..];
        string autoPad = op.Text("auto_pad", "NOTSET");
        if (!kernel.SequenceEqual(w.Shape[2..]) || strides.Length != spatial || dilations.Length != spatial || pads.Length != 2 * spatial
            || outputPadding.Length != spatial || (outputShape is not null && outputShape.Length != spatial)
            || strides.Any(s => s < 1) || dilations.Any(d => d < 1))
            return NodeWork.Unknown;

        long[] output = [x.Shape[0], Saturating.Multiply(w.Shape[1], group), .. new long[spatial]];
        for (int i = 0; i < spatial; i++)
        {
            Int128 size = outputShape is not null ? outputShape[i]
                : autoPad is "SAME_UPPER" or "SAME_LOWER" ? (Int128)x.Shape[i + 2] * strides[i]
                : (Int128)strides[i] * (x.Shape[i + 2] - 1) + outputPadding[i] + (Int128)(kernel[i] - 1) * dilations[i] + 1 - pads[i] - pads[i + spatial];
            if (size < 0) return NodeWork.Unknown;
            output[i + 2] = size > long.MaxValue ? long.MaxValue : (long)size;
        }

        return Done(TensorInfo.Of(x.ElementType, output), Macs([.. x.Shape, .. w.Shape[1..]]));
    }

    /// <summary>
    /// Einsum over explicit letters: with two or more operands every point of the joint index space is one
    /// multiply-accumulate per extra operand; with one (a transpose, trace or sum) one operation per input element.
    /// </summary>
    private static NodeWork Einsum(Op op)
    {
        string equation = op.Text("equation", "").Replace(" ", "", StringComparison.Ordinal);
        if (equation.Contains('.', StringComparison.Ordinal)) return NodeWork.Unknown;
        string[] sides = equation.Split("->");
        string[] terms = sides[0].Split(',');
        if (sides.Length > 2 || terms.Length != op.Inputs.Length || terms.Length == 0) return NodeWork.Unknown;
        var sizes = new Dictionary<char, long>();
        for (int t = 0; t < terms.Length; t++)
        {
            if (op.In(t) is not { } input || !input.HasShape || input.Shape.Length != terms[t].Length) return NodeWork.Unknown;
            for (int i = 0; i < terms[t].Length; i++)
            {
                char letter = terms[t][i];
                long size = input.Shape[i];
                if (!char.IsAsciiLetter(letter)) return NodeWork.Unknown;
                if (sizes.TryGetValue(letter, out long seen) && seen != size && seen != 1 && size != 1) return NodeWork.Unknown;
                sizes[letter] = sizes.TryGetValue(letter, out seen) ? Math.Max(seen, size) : size;
            }
        }

        string result = sides.Length == 2
            ? sides[1]
            : new string([.. sizes.Keys.Where(c => terms.Sum(t => t.Count(x => x == c)) == 1).Order()]);
        if (result.Any(c => !sizes.ContainsKey(c))) return NodeWork.Unknown;
        var output = TensorInfo.Of(op.In(0)!.ElementType, [.. result.Select(c => sizes[c])]);
        return terms.Length == 1
            ? Done(output, elements: Cost(op.In(0)!.Elements, 1))
            : Done(output, Saturating.Multiply(Macs([.. sizes.Values]), (UInt128)(terms.Length - 1)));
    }

    /// <summary>LSTM (4 gates), GRU (3) and RNN (1): per direction, step and batch row, gates × hidden dot products over input + hidden.</summary>
    private static NodeWork Recurrent(Op op, int gates)
    {
        if (op.In(0) is not { Shape: [long a, long b, long input] } x || op.In(1) is not { Shape: [long directions, long rows, long inputW] } w
            || !x.HasShape || !w.HasShape || inputW != input)
            return NodeWork.Unknown;
        long hidden = op.Int("hidden_size", op.In(2)?.Shape is [_, _, long r] ? r : -1);
        if (hidden < 0 || rows != Saturating.Multiply(gates, hidden)) return NodeWork.Unknown;
        bool batchFirst = op.Int("layout", 0) != 0;
        long sequence = batchFirst ? b : a, batch = batchFirst ? a : b;
        var y = TensorInfo.Of(x.ElementType, batchFirst ? [batch, sequence, directions, hidden] : [sequence, directions, batch, hidden]);
        var last = TensorInfo.Of(x.ElementType, batchFirst ? [batch, directions, hidden] : [directions, batch, hidden]);
        return new NodeWork([y, last, last], Macs(directions, sequence, batch, rows, Saturating.Add(input, hidden)), Macs(directions, sequence, batch, rows), true);
    }

    /// <summary>
    /// ai.onnx Attention (opset 23): Q·Kᵀ and the weights times V per query head, over the past and new keys, plus the
    /// softmax. Q, K and V are [B, heads, S, head size], or [B, S, hidden] with the head counts as attributes.
    /// </summary>
    private static NodeWork Attention(Op op)
    {
        if (op.In(0) is not { } q || op.In(1) is not { } k || op.In(2) is not { } v || !q.HasShape || !k.HasShape || !v.HasShape) return NodeWork.Unknown;
        long batch, queryHeads, sequence, headSize, kvHeads, keys, valueSize;
        switch (q.Shape.Length, k.Shape.Length, v.Shape.Length)
        {
            case (4, 4, 4):
                (batch, queryHeads, sequence, headSize) = (q.Shape[0], q.Shape[1], q.Shape[2], q.Shape[3]);
                (kvHeads, keys, valueSize) = (k.Shape[1], k.Shape[2], v.Shape[3]);
                break;
            case (3, 3, 3):
                (queryHeads, kvHeads) = (op.Int("q_num_heads", 0), op.Int("kv_num_heads", 0));
                if (queryHeads < 1 || kvHeads < 1) return NodeWork.Unknown;
                (batch, sequence, headSize) = (q.Shape[0], q.Shape[1], q.Shape[2] / queryHeads);
                (keys, valueSize) = (k.Shape[1], v.Shape[2] / kvHeads);
                break;
            default:
                return NodeWork.Unknown;
        }

        long past = op.In(4)?.Shape is [_, _, long p, _] && p >= 0 ? p : 0;
        long total = Saturating.Add(past, keys);
        var y = TensorInfo.Of(q.ElementType, q.Shape.Length == 4 ? [batch, queryHeads, sequence, valueSize] : [batch, sequence, Saturating.Multiply(queryHeads, valueSize)]);
        var outputs = new[]
        {
            y,
            TensorInfo.Of(k.ElementType, [batch, kvHeads, total, headSize]),
            TensorInfo.Of(v.ElementType, [batch, kvHeads, total, valueSize]),
            TensorInfo.Of(q.ElementType, [batch, queryHeads, sequence, total]),
        };
        UInt128 scores = Macs(batch, queryHeads, sequence, total);
        return new NodeWork(outputs, Saturating.Add(Saturating.Multiply(scores, (ulong)headSize), Saturating.Multiply(scores, (ulong)valueSize)),
            Saturating.Multiply(scores, (UInt128)SoftmaxCost), true);
    }

    /// <summary>
    /// com.microsoft Attention: the packed Q, K, V projection of input [B, S, D] by weights [D, q + k + v], then
    /// attention over the past and new tokens per head.
    /// </summary>
    private static NodeWork MicrosoftAttention(Op op)
    {
        long heads = op.Int("num_heads", 0);
        if (heads < 1 || op.In(0) is not { Shape: [long batch, long sequence, long width] } x || op.In(1) is not { Shape: [long inputs, long packed] } w
            || !x.HasShape || !w.HasShape || inputs != width)
            return NodeWork.Unknown;
        long[] hidden = op.Ints("qkv_hidden_sizes") ?? [packed / 3, packed / 3, packed / 3];
        if (hidden.Length != 3 || hidden.Any(h => h < 0) || hidden.Aggregate(Int128.Zero, (sum, h) => sum + h) != packed) return NodeWork.Unknown;
        long past = op.In(4)?.Shape is [_, _, _, long p, _] && p >= 0 ? p : 0;
        long total = Saturating.Add(past, sequence);
        UInt128 projection = Macs(batch, sequence, width, packed);
        UInt128 attention = Saturating.Add(Macs(batch, sequence, total, hidden[0]), Macs(batch, sequence, total, hidden[2]));
        var outputs = new[] { TensorInfo.Of(x.ElementType, [batch, sequence, hidden[2]]), TensorInfo.Of(x.ElementType, [2, batch, heads, total, hidden[1] / heads]) };
        return new NodeWork(outputs, Saturating.Add(projection, attention), Saturating.Multiply(Macs(batch, heads, sequence, total), (UInt128)SoftmaxCost), true);
    }

    /// <summary>com.microsoft MultiHeadAttention with separate query [B, S, D], key and value ([B, L, D] or [B, heads, L, head size]).</summary>
    private static NodeWork MultiHeadAttention(Op op)
    {
        long heads = op.Int("num_heads", 0);
        if (heads < 1 || op.In(0) is not { Shape: [long batch, long sequence, long width] } q || op.In(1) is not { } k || op.In(2) is not { } v
            || !q.HasShape || !k.HasShape || !v.HasShape)
            return NodeWork.Unknown;
        long keys, valueWidth;
        switch (k.Shape, v.Shape)
        {
            case ([_, long l, _], [_, _, long dv]):
                (keys, valueWidth) = (l, dv);
                break;
            case ([_, _, long l, _], [_, _, _, long hv]):
                (keys, valueWidth) = (l, Saturating.Multiply(hv, heads));
                break;
            default:
                return NodeWork.Unknown;
        }

        long past = op.In(6)?.Shape is [_, _, long p, _] && p >= 0 ? p : 0;
        long total = Saturating.Add(past, keys);
        var outputs = new[]
        {
            TensorInfo.Of(q.ElementType, [batch, sequence, valueWidth]),
            TensorInfo.Of(q.ElementType, [batch, heads, total, width / heads]),
            TensorInfo.Of(q.ElementType, [batch, heads, total, valueWidth / heads]),
        };
        UInt128 macs = Saturating.Add(Macs(batch, sequence, total, width), Macs(batch, sequence, total, valueWidth));
        return new NodeWork(outputs, macs, Saturating.Multiply(Macs(batch, heads, sequence, total), (UInt128)SoftmaxCost), true);
    }
}
