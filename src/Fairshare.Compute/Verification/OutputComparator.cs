using System.Globalization;
using System.Numerics;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Verification;

/// <summary>
/// Compares two output blobs (<see cref="JobTensors"/>, version 1 or 2) the way replicated verification needs: the
/// same layout and item names in the same order, in each item the same tensors (names, element types, shapes; tensor
/// order does not matter), floating-point elements within their type's <see cref="Tolerance"/>, integer and bool
/// elements exactly equal, and no NaN anywhere. Two recorded faults agree only when their codes (and layouts) are
/// equal; a fault never agrees with an output.
/// </summary>
public static class OutputComparator
{
    /// <summary>Compares <paramref name="actualBlob"/> against <paramref name="expectedBlob"/> (the reference).</summary>
    public static ComparisonResult Compare(byte[] expectedBlob, byte[] actualBlob, Tolerances tol)
    {
        ArgumentNullException.ThrowIfNull(expectedBlob);
        ArgumentNullException.ThrowIfNull(actualBlob);
        ArgumentNullException.ThrowIfNull(tol);
        var expected = JobTensors.Decode(expectedBlob);
        if (!expected.IsOk) return Mismatch($"the expected blob does not decode: {expected.Message} [{(int)expected.Error}]");
        var actual = JobTensors.Decode(actualBlob);
        if (!actual.IsOk) return Mismatch($"the actual blob does not decode: {actual.Message} [{(int)actual.Error}]");
        string? structural = StructuralDifference(expected.Value, actual.Value);
        if (structural is not null) return Mismatch(structural);
        if (expected.Value.IsFault) return new ComparisonResult(ComparisonOutcome.Equal, $"both record fault {expected.Value.Fault}", null);

        var worst = new Worst();
        for (int i = 0; i < expected.Value.Items.Length; i++)
        {
            var (e, a) = (expected.Value.Items[i], actual.Value.Items[i]);
            foreach (var tensor in e.Tensors) CompareTensor(e.Name, tensor, a.Find(tensor.Name)!, tol, worst);
        }

        if (worst.Element is not null && worst.Excess > 1)
            return new ComparisonResult(ComparisonOutcome.Mismatch, OutOfTolerance(worst, tol), worst.Element);
        if (expectedBlob.AsSpan().SequenceEqual(actualBlob))
            return new ComparisonResult(ComparisonOutcome.Equal, $"byte-identical ({worst.Compared} elements)", null);
        return new ComparisonResult(ComparisonOutcome.WithinTolerance,
            $"{worst.Compared} elements within tolerance; worst {Where(worst.Element)} uses {worst.Excess:P0} of the allowed difference",
            worst.Element);
    }

    private static void CompareTensor(string item, TensorData e, TensorData a, Tolerances tol, Worst worst)
    {
        var at = new Location(item, e.Name, e.Type);
        switch (e.Type)
        {
            case TensorElementType.Float16: CompareFloats(at, e.As<Half>(), a.As<Half>(), tol.Float16, worst); break;
            case TensorElementType.Float32: CompareFloats(at, e.As<float>(), a.As<float>(), tol.Float32, worst); break;
            case TensorElementType.Float64: CompareFloats(at, e.As<double>(), a.As<double>(), tol.Float64, worst); break;
            case TensorElementType.Bool: CompareExactly<byte>(at, e.Data, a.Data, worst); break;
            case TensorElementType.UInt8: CompareExactly(at, e.As<byte>(), a.As<byte>(), worst); break;
            case TensorElementType.Int8: CompareExactly(at, e.As<sbyte>(), a.As<sbyte>(), worst); break;
            case TensorElementType.UInt16: CompareExactly(at, e.As<ushort>(), a.As<ushort>(), worst); break;
            case TensorElementType.Int16: CompareExactly(at, e.As<short>(), a.As<short>(), worst); break;
            case TensorElementType.UInt32: CompareExactly(at, e.As<uint>(), a.As<uint>(), worst); break;
            case TensorElementType.Int32: CompareExactly(at, e.As<int>(), a.As<int>(), worst); break;
            case TensorElementType.UInt64: CompareExactly(at, e.As<ulong>(), a.As<ulong>(), worst); break;
            case TensorElementType.Int64: CompareExactly(at, e.As<long>(), a.As<long>(), worst); break;
            default: throw new ArgumentOutOfRangeException(nameof(e), e.Type, "unknown element type");
        }
    }

    private static void CompareFloats<T>(Location at, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, Tolerance tol, Worst worst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]), a = double.CreateTruncating(actual[i]);
            worst.Offer(at, i, e, a, tol.Excess(e, a));
        }
    }

    private static void CompareExactly<T>(Location at, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, Worst worst)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double excess = expected[i] == actual[i] ? 0 : double.PositiveInfinity;
            worst.Offer(at, i, double.CreateTruncating(expected[i]), double.CreateTruncating(actual[i]), excess);
        }
    }

    private static string? StructuralDifference(JobTensors expected, JobTensors actual)
    {
        if (expected.IsFault || actual.IsFault)
        {
            if (!actual.IsFault) return $"expected fault {expected.Fault}, got an output";
            if (!expected.IsFault) return $"expected an output, got fault {actual.Fault}";
            if (expected.Fault != actual.Fault) return $"expected fault {expected.Fault}, got fault {actual.Fault}";
        }

        if (expected.Layout != actual.Layout) return $"expected layout {expected.Layout}, got {actual.Layout}";
        if (expected.Items.Length != actual.Items.Length) return $"expected {expected.Items.Length} items, got {actual.Items.Length}";
        for (int i = 0; i < expected.Items.Length; i++)
        {
            var (e, a) = (expected.Items[i], actual.Items[i]);
            if (e.Name != a.Name) return $"item {i}: expected \"{e.Name}\", got \"{a.Name}\"";
            string? tensors = TensorDifference(e, a);
            if (tensors is not null) return e.Name.Length == 0 ? tensors : $"item \"{e.Name}\": {tensors}";
        }

        return null;
    }

    private static string? TensorDifference(JobItem expected, JobItem actual)
    {
        if (expected.Tensors.Length != actual.Tensors.Length)
            return $"expected {expected.Tensors.Length} tensors, got {actual.Tensors.Length}";
        foreach (var e in expected.Tensors)
        {
            var a = actual.Find(e.Name);
            if (a is null) return $"the actual output has no tensor \"{e.Name}\"";
            if (a.Type != e.Type) return $"tensor \"{e.Name}\": expected {e.Type}, got {a.Type}";
            if (!a.Shape.AsSpan().SequenceEqual(e.Shape)) return $"tensor \"{e.Name}\": expected shape {e.ShapeText}, got {a.ShapeText}";
        }

        return null;
    }

    private static string OutOfTolerance(Worst worst, Tolerances tol)
    {
        var e = worst.Element!;
        string values = $"{Where(e)}: expected {Format(e.Expected, worst.Type)}, got {Format(e.Actual, worst.Type)}";
        if (tol.For(worst.Type) is not { } tolerance) return $"{values} ({worst.Type} elements must be equal)";
        if (double.IsNaN(e.Expected) || double.IsNaN(e.Actual)) return $"{values} (NaN matches nothing)";
        return $"{values} (difference {Format(e.Difference)}, allowed {Format(tolerance.Allowed(e.Expected))} for {worst.Type})";
    }

    private static string Where(ElementDifference? element) => element switch
    {
        null => "(no elements)",
        { Item.Length: 0 } => $"\"{element.Tensor}\"[{element.Index}]",
        _ => $"item \"{element.Item}\": \"{element.Tensor}\"[{element.Index}]",
    };

    /// <summary>The shortest text that reads back as the same value of <paramref name="type"/>.</summary>
    private static string Format(double value, TensorElementType type) => type switch
    {
        TensorElementType.Float16 => ((Half)value).ToString(CultureInfo.InvariantCulture),
        TensorElementType.Float32 => ((float)value).ToString(CultureInfo.InvariantCulture),
        _ => Format(value),
    };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static ComparisonResult Mismatch(string reason) => new(ComparisonOutcome.Mismatch, reason, null);

    /// <summary>Where a compared element lives: its item, tensor and element type.</summary>
    private readonly record struct Location(string Item, string Tensor, TensorElementType Type);

    /// <summary>The element with the largest excess seen so far (the first one on ties), and how many were compared.</summary>
    private sealed class Worst
    {
        public ElementDifference? Element { get; private set; }

        public double Excess { get; private set; } = -1;

        public TensorElementType Type { get; private set; }

        public long Compared { get; private set; }

        public void Offer(Location at, long index, double expected, double actual, double excess)
        {
            Compared++;
            if (excess <= Excess) return;
            Excess = excess;
            Type = at.Type;
            Element = new ElementDifference(at.Item, at.Tensor, index, expected, actual);
        }
    }
}
