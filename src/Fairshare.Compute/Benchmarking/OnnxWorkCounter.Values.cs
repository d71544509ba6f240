using Fairshare.Compute.Models.Onnx;

namespace Fairshare.Compute.Benchmarking;

internal sealed partial class OnnxWorkCounter
{
    /// <summary>The value function of an element-wise operator of one tensor, where shape arithmetic may use it.</summary>
    private static Func<double, double>? UnaryValue(string opType) => opType switch
    {
        "Neg" => v => -v,
        "Abs" => Math.Abs,
        "Floor" => Math.Floor,
        "Ceil" => Math.Ceiling,
        "Round" => v => Math.Round(v, MidpointRounding.ToEven),
        "Sqrt" => Math.Sqrt,
        "Reciprocal" => v => 1 / v,
        "Sign" => v => Math.Sign(v),
        "Not" => v => v == 0 ? 1 : 0,
        "Relu" => v => Math.Max(v, 0),
        _ => null,
    };

    /// <summary>The value function of a broadcasting operator (integer division truncates, as ONNX Runtime's does).</summary>
    private static Func<double, double, double>? BinaryValue(Op op)
    {
        bool integer = OnnxDataTypes.IsInteger(op.In(0)?.ElementType ?? 0);
        return op.Node.OpType switch
        {
            "Add" or "Sum" or "Mean" => (a, b) => a + b,
            "Sub" => (a, b) => a - b,
            "Mul" => (a, b) => a * b,
            "Div" when integer => (a, b) => b == 0 ? double.NaN : Math.Truncate(a / b),
            "Div" => (a, b) => a / b,
            "Mod" when op.Int("fmod", 0) != 0 => (a, b) => b == 0 ? double.NaN : a % b,
            "Mod" => (a, b) => b == 0 ? double.NaN : a - b * Math.Floor(a / b),
            "Pow" => Math.Pow,
            "Min" => Math.Min,
            "Max" => Math.Max,
            "Equal" => (a, b) => a == b ? 1 : 0,
            "Less" => (a, b) => a < b ? 1 : 0,
            "LessOrEqual" => (a, b) => a <= b ? 1 : 0,
            "Greater" => (a, b) => a > b ? 1 : 0,
            "GreaterOrEqual" => (a, b) => a >= b ? 1 : 0,
            "And" => (a, b) => a != 0 && b != 0 ? 1 : 0,
            "Or" => (a, b) => a != 0 || b != 0 ? 1 : 0,
            "Xor" => (a, b) => (a != 0) != (b != 0) ? 1 : 0,
            _ => null,
        };
    }

    /// <summary>Values of an integer type must be whole and finite; anything else (a division by zero) is dropped.</summary>
    private static double[]? Integral(int type, double[] values)
    {
        if (Array.Exists(values, v => !double.IsFinite(v))) return null;
        return OnnxDataTypes.IsInteger(type) ? [.. values.Select(Math.Truncate)] : values;
    }

    /// <summary>Values converted to <paramref name="type"/> as Cast does (toward zero for integers, 0/1 for bool, rounded for float32).</summary>
    private static double[]? Converted(double[] values, int type) => type switch
    {
        OnnxDataTypes.Bool => [.. values.Select(v => v != 0 ? 1.0 : 0.0)],
        OnnxDataTypes.Float => [.. values.Select(v => (double)(float)v)],
        OnnxDataTypes.Float16 => [.. values.Select(v => (double)(Half)v)],
        _ when OnnxDataTypes.IsInteger(type) => Integral(type, values),
        OnnxDataTypes.Double => values,
        _ => null,
    };

    /// <summary>numpy broadcasting of two shapes (an unknown dimension meets a known one as that one); null when they do not broadcast.</summary>
    private static long[]? Broadcast(long[]? a, long[]? b)
    {
        if (a is null || b is null) return null;
        int rank = Math.Max(a.Length, b.Length);
        var output = new long[rank];
        for (int i = 1; i <= rank; i++)
        {
            long da = i <= a.Length ? a[^i] : 1, db = i <= b.Length ? b[^i] : 1;
            if (da == 1 || da == db) output[^i] = db;
            else if (db == 1) output[^i] = da;
            else if (da < 0) output[^i] = db;
            else if (db < 0) output[^i] = da;
            else return null;
        }

        return output;
    }

    /// <summary>The values of a tensor of <paramref name="from"/> broadcast to <paramref name="to"/>, or null when too many.</summary>
    private static double[]? BroadcastValues(double[] values, long[] from, long[] to)
    {
        if (from.Length > to.Length) return null;
        int offset = to.Length - from.Length;
        long[] strides = Strides(from);
        return Generate(to, index =>
        {
            long at = 0;
            for (int d = 0; d < from.Length; d++) at += from[d] == 1 ? 0 : index[d + offset] * strides[d];
            return values[at];
        });
    }

    /// <summary>The values of a reduction over the marked axes (sum, product, minimum, maximum, mean), or null.</summary>
    private static double[]? ReducedValues(string opType, double[] values, long[] shape, bool[] reduced, long outputCount)
    {
        Func<double, double, double>? combine = opType switch
        {
            "ReduceSum" or "ReduceMean" => (a, b) => a + b,
            "ReduceProd" => (a, b) => a * b,
            "ReduceMin" => Math.Min,
            "ReduceMax" => Math.Max,
            _ => null,
        };
        if (combine is null || outputCount == 0) return null;
        var output = new double[outputCount];
        var filled = new bool[outputCount];
        long[] keptStrides = Strides([.. shape.Select((d, i) => reduced[i] ? 1 : d)]);
        var index = new long[shape.Length];
        for (int i = 0; i < values.Length; i++)
        {
            long at = 0;
            for (int d = 0; d < shape.Length; d++) at += reduced[d] ? 0 : index[d] * keptStrides[d];
            output[at] = filled[at] ? combine(output[at], values[i]) : values[i];
            filled[at] = true;
            Next(index, shape);
        }

        if (opType == "ReduceMean") return [.. output.Select(v => v * outputCount / values.Length)];
        return output;
    }

    /// <summary>A tensor's values computed per output position, or null when the shape has more than <see cref="TensorInfo.MaxValues"/> elements.</summary>
    private static double[]? Generate(long[] shape, Func<long[], double> value)
    {
        if (Array.Exists(shape, d => d < 0)) return null;
        long count = Saturating.Product(shape);
        if (count > TensorInfo.MaxValues) return null;
        var result = new double[count];
        var index = new long[shape.Length];
        for (int i = 0; i < count; i++)
        {
            result[i] = value(index);
            Next(index, shape);
        }

        return result;
    }

    /// <summary>Steps a row-major multi-index to the next position.</summary>
    private static void Next(long[] index, long[] shape)
    {
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            if (++index[d] < shape[d]) return;
            index[d] = 0;
        }
    }

    /// <summary>Row-major strides of a (small) shape.</summary>
    private static long[] Strides(long[] shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride = Saturating.Multiply(stride, Math.Max(shape[d], 0));
        }

        return strides;
    }
}
