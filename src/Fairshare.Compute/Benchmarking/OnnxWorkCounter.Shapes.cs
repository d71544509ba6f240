using Fairshare.Compute.Models.Onnx;

namespace Fairshare.Compute.Benchmarking;

internal sealed partial class OnnxWorkCounter
{
    private static NodeWork Constant(Op op)
    {
        var attribute = op.Node.Attribute.FirstOrDefault();
        if (attribute is null) return NodeWork.Unknown;
        var info = attribute.Name switch
        {
            "value" when attribute.T is not null => TensorInfo.FromProto(attribute.T),
            "value_float" => TensorInfo.Of(OnnxDataTypes.Float, [], [attribute.F]),
            "value_floats" => TensorInfo.Of(OnnxDataTypes.Float, [attribute.Floats.Count], [.. attribute.Floats.Select(f => (double)f)]),
            "value_int" => TensorInfo.Of(OnnxDataTypes.Int64, [], [attribute.I]),
            "value_ints" => TensorInfo.Of(OnnxDataTypes.Int64, [attribute.Ints.Count], [.. attribute.Ints.Select(i => (double)i)]),
            "value_string" => TensorInfo.Of(OnnxDataTypes.String, []),
            "value_strings" => TensorInfo.Of(OnnxDataTypes.String, [attribute.Strings.Count]),
            "sparse_value" when attribute.SparseTensor is { } sparse && sparse.Dims.All(d => d >= 0) => TensorInfo.Of(sparse.Values?.DataType ?? 0, [.. sparse.Dims]),
            _ => null,
        };
        return info is null ? NodeWork.Unknown : Done(info);
    }

    private static NodeWork Reshape(Op op)
    {
        if (op.In(0) is not { } x || op.In(1)?.Integers() is not { } target || target.Length > TensorInfo.MaxRank) return NodeWork.Unknown;
        bool allowZero = op.Int("allowzero", 0) != 0;
        var shape = new long[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == 0 && !allowZero)
            {
                if (x.Shape is not { } s || i >= s.Length) return NodeWork.Unknown;
                shape[i] = s[i];
            }
            else if (target[i] == -1 && inferred < 0)
            {
                inferred = i;
            }
            else if (target[i] < 0)
            {
                return NodeWork.Unknown;
            }
            else
            {
                shape[i] = target[i];
            }
        }

        if (inferred >= 0)
        {
            shape[inferred] = 1;
            long rest = Array.Exists(shape, d => d < 0) ? -1 : Saturating.Product(shape);
            long total = x.Elements;
            shape[inferred] = total < 0 || rest <= 0 || total % rest != 0 ? -1 : total / rest;
        }

        return Done(TensorInfo.Of(x.ElementType, shape, x.Values));
    }

    private static NodeWork Flatten(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape) return NodeWork.Unknown;
        long axis = op.Int("axis", 1);
        if (axis < 0) axis += shape.Length;
        if (axis < 0 || axis > shape.Length) return NodeWork.Unknown;
        long[] outer = shape[..(int)axis], inner = shape[(int)axis..];
        long Size(long[] dims) => Array.Exists(dims, d => d < 0) ? -1 : Saturating.Product(dims);
        return Done(TensorInfo.Of(x.ElementType, [Size(outer), Size(inner)], x.Values));
    }

    /// <summary>The axes of Squeeze, Unsqueeze and the like: an attribute before <paramref name="inputSince"/>, the second input from then on.</summary>
    private static long[]? Axes(Op op, long inputSince) => op.Opset < inputSince ? op.Ints("axes") : op.In(1)?.Integers();

    private static NodeWork Squeeze(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape) return NodeWork.Unknown;
        long[]? axes = Axes(op, 13);
        if (axes is null && op.Opset >= 13 && op.In(1) is not null) return NodeWork.Unknown;
        var drop = new bool[shape.Length];
        if (axes is null or { Length: 0 })
        {
            if (Array.Exists(shape, d => d < 0)) return NodeWork.Unknown;
            for (int i = 0; i < shape.Length; i++) drop[i] = shape[i] == 1;
        }
        else
        {
            foreach (long axis in axes)
            {
                if (!TryAxis(axis, shape.Length, out int a)) return NodeWork.Unknown;
                drop[a] = true;
            }
        }

        return Done(TensorInfo.Of(x.ElementType, [.. shape.Where((_, i) => !drop[i])], x.Values));
    }

    private static NodeWork Unsqueeze(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape || Axes(op, 13) is not { } axes) return NodeWork.Unknown;
        int rank = shape.Length + axes.Length;
        if (rank > TensorInfo.MaxRank) return NodeWork.Unknown;
        var inserted = new bool[rank];
        foreach (long axis in axes)
        {
            if (!TryAxis(axis, rank, out int a) || inserted[a]) return NodeWork.Unknown;
            inserted[a] = true;
        }

        var output = new long[rank];
        for (int i = 0, from = 0; i < rank; i++) output[i] = inserted[i] ? 1 : shape[from++];
        return Done(TensorInfo.Of(x.ElementType, output, x.Values));
    }

    private static NodeWork ShapeOf(Op op)
    {
        if (op.In(0)?.Shape is not { } shape) return NodeWork.Unknown;
        long start = op.Int("start", 0), end = op.Int("end", shape.Length);
        if (start < 0) start += shape.Length;
        if (end < 0) end += shape.Length;
        start = Math.Clamp(start, 0, shape.Length);
        end = Math.Clamp(end, start, shape.Length);
        long[] dims = shape[(int)start..(int)end];
        return Done(TensorInfo.Of(OnnxDataTypes.Int64, [dims.Length], Array.Exists(dims, d => d < 0) ? null : [.. dims.Select(d => (double)d)]));
    }

    private static NodeWork SizeOf(Op op) =>
        op.In(0) is { } x ? Done(TensorInfo.Of(OnnxDataTypes.Int64, [], x.Elements >= 0 ? [x.Elements] : null)) : NodeWork.Unknown;

    private static NodeWork Transpose(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape) return NodeWork.Unknown;
        long[] perm = op.Ints("perm") ?? [.. Enumerable.Range(0, shape.Length).Reverse().Select(i => (long)i)];
        if (perm.Length != shape.Length || perm.Any(p => p < 0 || p >= shape.Length) || perm.Distinct().Count() != perm.Length) return NodeWork.Unknown;
        long[] output = [.. perm.Select(p => shape[p])];
        double[]? values = null;
        if (x.Values is { } v)
        {
            long[] strides = Strides(shape);
            values = Generate(output, index =>
            {
                long at = 0;
                for (int d = 0; d < perm.Length; d++) at += index[d] * strides[perm[d]];
                return v[at];
            });
        }

        return Moved(op, output, x.ElementType, values);
    }

    private static NodeWork Concat(Op op)
    {
        var inputs = op.Inputs.Where(i => i is not null).Select(i => i!).ToList();
        if (inputs.Count == 0 || inputs.Any(i => i.Shape is null)) return NodeWork.Unknown;
        int rank = inputs[0].Shape!.Length;
        if (inputs.Any(i => i.Shape!.Length != rank) || !TryAxis(op.Int("axis", 0), rank, out int axis)) return NodeWork.Unknown;
        long[] output = [.. inputs[0].Shape!];
        output[axis] = 0;
        foreach (var input in inputs)
        {
            long along = input.Shape![axis];
            output[axis] = along < 0 || output[axis] < 0 ? -1 : Saturating.Add(output[axis], along);
            for (int d = 0; d < rank; d++)
            {
                if (d == axis || input.Shape[d] < 0) continue;
                if (output[d] >= 0 && output[d] != input.Shape[d]) return NodeWork.Unknown;
                output[d] = input.Shape[d];
            }
        }

        double[]? values = null;
        if (inputs.All(i => i.Values is not null) && Array.TrueForAll(output, d => d >= 0))
        {
            var strides = inputs.Select(i => Strides(i.Shape!)).ToArray();
            values = Generate(output, index =>
            {
                long along = index[axis];
                int which = 0;
                while (along >= inputs[which].Shape![axis])
                {
                    along -= inputs[which].Shape![axis];
                    which++;
                }

                long at = 0;
                for (int d = 0; d < rank; d++) at += (d == axis ? along : index[d]) * strides[which][d];
                return inputs[which].Values![at];
            });
        }

        return Moved(op, output, inputs[0].ElementType, values);
    }

    private static NodeWork Slice(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape) return NodeWork.Unknown;
        long[]? starts, ends, axes, steps = null;
        if (op.Opset < 10)
        {
            (starts, ends, axes) = (op.Ints("starts"), op.Ints("ends"), op.Ints("axes"));
        }
        else
        {
            (starts, ends) = (op.In(1)?.Integers(), op.In(2)?.Integers());
            axes = op.In(3) is { } a ? a.Integers() ?? [-1] : null;
            steps = op.In(4) is { } s ? s.Integers() ?? [0] : null;
        }

        if (starts is null || ends is null || starts.Length != ends.Length) return NodeWork.Unknown;
        axes ??= [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)];
        steps ??= [.. Enumerable.Repeat(1L, starts.Length)];
        if (axes.Length != starts.Length || steps.Length != starts.Length) return NodeWork.Unknown;

        long[] output = [.. shape];
        long[] first = new long[shape.Length], step = [.. Enumerable.Repeat(1L, shape.Length)];
        for (int i = 0; i < starts.Length; i++)
        {
            if (!TryAxis(axes[i], shape.Length, out int a) || steps[i] == 0) return NodeWork.Unknown;
            long dim = shape[a];
            if (dim < 0)
            {
                output[a] = -1;
                continue;
            }

            long s = starts[i] < 0 ? starts[i] + dim : starts[i], e = ends[i] < 0 ? ends[i] + dim : ends[i];
            long length;
            if (steps[i] > 0)
            {
                s = Math.Clamp(s, 0, dim);
                e = Math.Clamp(e, 0, dim);
                length = e > s ? (e - s - 1) / steps[i] + 1 : 0;
            }
            else
            {
                s = Math.Clamp(s, -1, dim - 1);
                e = Math.Clamp(e, -1, dim - 1);
                length = s > e ? (s - e - 1) / -Math.Max(steps[i], -long.MaxValue) + 1 : 0;
            }

            (output[a], first[a], step[a]) = (length, s, steps[i]);
        }

        double[]? values = null;
        if (x.Values is { } v)
        {
            long[] strides = Strides(shape);
            values = Generate(output, index =>
            {
                long at = 0;
                for (int d = 0; d < shape.Length; d++) at += (first[d] + index[d] * step[d]) * strides[d];
                return v[at];
            });
        }

        return Moved(op, output, x.ElementType, values);
    }

    private static NodeWork Split(Op op)
    {
        if (op.In(0) is not { } x || x.Shape is not { } shape || !TryAxis(op.Int("axis", 0), shape.Length, out int axis)) return NodeWork.Unknown;
        int count = op.Node.Output.Count;
        long dim = shape[axis];
        long[]? sizes = op.Opset < 13 ? op.Ints("split") : op.In(1)?.Integers();
        if (sizes is null or { Length: 0 })
        {
            if (dim < 0 || count == 0) return NodeWork.Unknown;
            long each = op.Attribute("num_outputs") is not null ? (dim + count - 1) / count : dim / count;
            sizes = [.. Enumerable.Range(0, count).Select(i => Math.Clamp(dim - each * i, 0, each))];
        }

        if (sizes.Length != count || sizes.Any(s => s < 0)) return NodeWork.Unknown;
        var outputs = sizes.Select(size => TensorInfo.Of(x.ElementType, [.. shape[..axis], size, .. shape[(axis + 1)..]])).ToArray();
        long total = outputs.Aggregate(0L, (sum, o) => o.Elements < 0 || sum < 0 ? -1 : Saturating.Add(sum, o.Elements));
        return total < 0 ? NodeWork.Unknown : new NodeWork(outputs, 0, Cost(total, 1), true);
    }

    private static NodeWork Gather(Op op)
    {
        if (op.In(0) is not { } data || data.Shape is not { } shape || op.In(1) is not { Shape: { } indexShape } indices
            || !TryAxis(op.Int("axis", 0), shape.Length, out int axis))
            return NodeWork.Unknown;
        long[] output = [.. shape[..axis], .. indexShape, .. shape[(axis + 1)..]];
        if (output.Length > TensorInfo.MaxRank) return NodeWork.Unknown;
        double[]? values = null;
        if (data.Values is { } v && indices.Integers() is { } picks && Array.TrueForAll(picks, p => p >= -shape[axis] && p < shape[axis]))
        {
            long[] strides = Strides(shape), pickStrides = Strides(indexShape);
            values = Generate(output, index =>
            {
                long pick = 0;
                for (int d = 0; d < indexShape.Length; d++) pick += index[axis + d] * pickStrides[d];
                long at = (picks[pick] < 0 ? picks[pick] + shape[axis] : picks[pick]) * strides[axis];
                for (int d = 0; d < axis; d++) at += index[d] * strides[d];
                for (int d = axis + 1; d < shape.Length; d++) at += index[d + indexShape.Length - 1] * strides[d];
                return v[at];
            });
        }

        return Moved(op, output, data.ElementType, values);
    }

    private static NodeWork GatherNd(Op op)
    {
        if (op.In(0) is not { Shape: { } shape } data || op.In(1)?.Shape is not { Length: > 0 } indices || indices[^1] < 0) return NodeWork.Unknown;
        long batch = op.Int("batch_dims", 0);
        if (batch < 0 || indices[^1] > shape.Length || batch > shape.Length - indices[^1]) return NodeWork.Unknown;
        return Moved(op, [.. indices[..^1], .. shape[(int)(batch + indices[^1])..]], data.ElementType);
    }

    private static NodeWork Tile(Op op)
    {
        if (op.In(0) is not { Shape: { } shape } x || op.In(1)?.Integers() is not { } repeats || repeats.Length != shape.Length || repeats.Any(r => r < 0))
            return NodeWork.Unknown;
        long[] output = [.. shape.Select((d, i) => d < 0 ? -1 : Saturating.Multiply(d, repeats[i]))];
        double[]? values = null;
        if (x.Values is { } v)
        {
            long[] strides = Strides(shape);
            values = Generate(output, index =>
            {
                long at = 0;
                for (int d = 0; d < shape.Length; d++) at += index[d] % shape[d] * strides[d];
                return v[at];
            });
        }

        return Moved(op, output, x.ElementType, values);
    }

    private static NodeWork Expand(Op op)
    {
        if (op.In(0) is not { Shape: { } shape } x || op.In(1)?.Integers() is not { } target || target.Length > TensorInfo.MaxRank) return NodeWork.Unknown;
        var output = Broadcast(shape, target);
        if (output is null) return NodeWork.Unknown;
        return Moved(op, output, x.ElementType, x.Values is { } v ? BroadcastValues(v, shape, output) : null);
    }

    private static NodeWork Pad(Op op)
    {
        if (op.In(0) is not { Shape: { } shape } x) return NodeWork.Unknown;
        long[]? pads = op.Opset < 11 ? op.Ints("pads") ?? op.Ints("paddings") : op.In(1)?.Integers();
        if (pads is null) return NodeWork.Unknown;
        long[] axes = op.In(3)?.Integers() ?? [.. Enumerable.Range(0, shape.Length).Select(i => (long)i)];
        if (pads.Length != 2 * axes.Length) return NodeWork.Unknown;
        long[] output = [.. shape];
        for (int i = 0; i < axes.Length; i++)
        {
            if (!TryAxis(axes[i], shape.Length, out int a)) return NodeWork.Unknown;
            if (output[a] < 0) continue;
            Int128 padded = (Int128)output[a] + pads[i] + pads[i + axes.Length];
            if (padded < 0) return NodeWork.Unknown;
            output[a] = padded > long.MaxValue ? long.MaxValue : (long)padded;
        }

        return Moved(op, output, x.ElementType);
    }

    /// <summary>Resize and Upsample: the output size from <c>sizes</c>, or from <c>scales</c> as floor(size · scale).</summary>
    private static NodeWork Resize(Op op)
    {
        if (op.In(0) is not { Shape: { } shape } x) return NodeWork.Unknown;
        double[]? scales;
        long[]? sizes = null;
        if (op.Node.OpType == "Upsample") scales = op.Opset < 9 ? op.Floats("scales")?.Select(f => (double)f).ToArray() : op.In(1)?.Values;
        else if (op.Opset < 11) scales = op.In(1)?.Values;
        else
        {
            scales = op.In(2)?.Values is { Length: > 0 } s ? s : null;
            sizes = op.In(3)?.Integers() is { Length: > 0 } z ? z : null;
            if (scales is null && sizes is null) return NodeWork.Unknown;
        }

        long[] axes = op.Ints("axes") ?? [.. Enumerable.Range(0, shape.Length).Select(i => (long)i)];
        int count = sizes?.Length ?? scales?.Length ?? -1;
        if (count != axes.Length) return NodeWork.Unknown;
        long[] output = [.. shape];
        for (int i = 0; i < axes.Length; i++)
        {
            if (!TryAxis(axes[i], shape.Length, out int a)) return NodeWork.Unknown;
            if (sizes is not null) output[a] = sizes[i];
            else if (shape[a] >= 0)
            {
                double scaled = Math.Floor(shape[a] * scales![i]);
                if (!(scaled >= 0)) return NodeWork.Unknown;
                output[a] = scaled >= long.MaxValue ? long.MaxValue : (long)scaled;
            }
        }

        if (sizes is not null && op.Text("keep_aspect_ratio_policy", "stretch") != "stretch")
        {
            if (Array.Exists(shape, d => d < 0)) return NodeWork.Unknown;
            var ratios = axes.Select((axis, i) => (double)sizes[i] / Math.Max(shape[(int)(axis < 0 ? axis + shape.Length : axis)], 1)).ToList();
            double scale = op.Text("keep_aspect_ratio_policy", "stretch") == "not_larger" ? ratios.Min() : ratios.Max();
            foreach (long axis in axes)
            {
                int a = (int)(axis < 0 ? axis + shape.Length : axis);
                output[a] = (long)Math.Round(shape[a] * scale, MidpointRounding.ToEven);
            }
        }

        return Moved(op, output, x.ElementType);
    }

    private static NodeWork DepthToSpace(Op op)
    {
        long b = op.Int("blocksize", 0);
        if (op.In(0) is not { Shape: [long n, long c, long h, long w] } x || b is < 1 or > int.MaxValue) return NodeWork.Unknown;
        long square = b * b;
        long[] output = op.Node.OpType == "DepthToSpace"
            ? [n, c < 0 ? -1 : c / square, h < 0 ? -1 : Saturating.Multiply(h, b), w < 0 ? -1 : Saturating.Multiply(w, b)]
            : [n, c < 0 ? -1 : Saturating.Multiply(c, square), h < 0 ? -1 : h / b, w < 0 ? -1 : w / b];
        return Moved(op, output, x.ElementType);
    }

    private static NodeWork ConstantOfShape(Op op)
    {
        if (op.In(0)?.Integers() is not { } shape || shape.Any(d => d < 0)) return NodeWork.Unknown;
        var fill = op.Attribute("value")?.T is { } t ? TensorInfo.FromProto(t) : TensorInfo.Of(OnnxDataTypes.Float, [1], [0]);
        double[]? values = fill.Values is [double v] ? Generate(shape, _ => v) : null;
        return Moved(op, shape, fill.ElementType, values);
    }

    private static NodeWork Range(Op op)
    {
        if (op.In(0)?.Scalar is not double start || op.In(1)?.Scalar is not double limit || op.In(2)?.Scalar is not double delta || delta == 0)
            return NodeWork.Unknown;
        double steps = Math.Ceiling((limit - start) / delta);
        if (!double.IsFinite(steps)) return NodeWork.Unknown;
        long count = steps <= 0 ? 0 : steps >= long.MaxValue ? long.MaxValue : (long)steps;
        int type = op.In(0)!.ElementType;
        return Moved(op, [count], type, Generate([count], index => start + index[0] * delta));
    }

    private static NodeWork OneHot(Op op)
    {
        if (op.In(0)?.Shape is not { } shape || op.In(1)?.Scalar is not double depth || !(depth >= 0) || !TryAxis(op.Int("axis", -1), shape.Length + 1, out int axis))
            return NodeWork.Unknown;
        return Moved(op, [.. shape[..axis], (long)Math.Min(depth, long.MaxValue), .. shape[axis..]], op.In(2)?.ElementType ?? OnnxDataTypes.Float);
    }

    /// <summary>
    /// The output shape of a convolution or pooling window over <paramref name="x"/> [N, C, spatial…]: auto_pad,
    /// pads, strides, dilations and ceil_mode; the channel dimension is the input's (a convolution replaces it).
    /// </summary>
    private static long[]? SlidingWindow(Op op, long[] x, long[] kernel)
    {
        int spatial = x.Length - 2;
        if (spatial < 1 || kernel.Length != spatial || kernel.Any(k => k < 1)) return null;
        long[] strides = op.Ints("strides") ?? [.. Enumerable.Repeat(1L, spatial)];
        long[] dilations = op.Ints("dilations") ?? [.. Enumerable.Repeat(1L, spatial)];
        long[] pads = op.Ints("pads") ?? new long[2 * spatial];
        string autoPad = op.Text("auto_pad", "NOTSET");
        bool ceil = op.Int("ceil_mode", 0) != 0;
        if (strides.Length != spatial || dilations.Length != spatial || pads.Length != 2 * spatial
            || strides.Any(s => s < 1) || dilations.Any(d => d < 1) || pads.Any(p => p < 0 || p > int.MaxValue))
            return null;

        long[] output = [.. x];
        for (int i = 0; i < spatial; i++)
        {
            long input = x[i + 2];
            if (input < 0) continue;
            if (autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[i + 2] = (input - 1) / strides[i] + 1;
                continue;
            }

            long padded = autoPad == "VALID" ? input : Saturating.Add(input, pads[i] + pads[i + spatial]);
            long window = Saturating.Add(Saturating.Multiply(dilations[i], kernel[i] - 1), 1);
            if (window > padded) return null;
            long span = padded - window;
            output[i + 2] = (ceil ? span / strides[i] + (span % strides[i] == 0 ? 0 : 1) : span / strides[i]) + 1;

            // With ceil_mode a last window that would start inside the end padding is dropped (ONNX Runtime and PyTorch).
            if (ceil && (Int128)(output[i + 2] - 1) * strides[i] >= (Int128)input + pads[i]) output[i + 2]--;
        }

        return output;
    }
}
