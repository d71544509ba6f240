using System.Globalization;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Verification;

/// <summary>
/// Compares two output tensor blobs the way replicated verification needs: the same tensors (names, element types,
/// shapes), float32 elements within a <see cref="Tolerance"/>, int64 elements exactly equal, and no NaN anywhere.
/// </summary>
public static class OutputComparator
{
    /// <summary>Compares <paramref name="actualBlob"/> against <paramref name="expectedBlob"/> (the reference).</summary>
    public static ComparisonResult Compare(byte[] expectedBlob, byte[] actualBlob, Tolerance tol)
    {
        ArgumentNullException.ThrowIfNull(expectedBlob);
        ArgumentNullException.ThrowIfNull(actualBlob);
        ArgumentNullException.ThrowIfNull(tol);
        var expected = TensorBlob.Decode(expectedBlob);
        if (!expected.IsOk) return Mismatch($"the expected blob does not decode: {expected.Message} [{(int)expected.Error}]");
        var actual = TensorBlob.Decode(actualBlob);
        if (!actual.IsOk) return Mismatch($"the actual blob does not decode: {actual.Message} [{(int)actual.Error}]");
        string? structural = StructuralDifference(expected.Value, actual.Value);
        if (structural is not null) return Mismatch(structural);

        var worst = new Worst();
        foreach (var e in expected.Value.Tensors)
        {
            var a = actual.Value.Find(e.Name)!;
            if (e.Type == TensorElementType.Float32) CompareFloats(e.Name, e.AsFloat32(), a.AsFloat32(), tol, worst);
            else CompareIntegers(e.Name, e.AsInt64(), a.AsInt64(), worst);
        }

        if (worst.Element is not null && worst.Excess > 1)
            return new ComparisonResult(ComparisonOutcome.Mismatch, OutOfTolerance(worst, tol), worst.Element);
        if (expectedBlob.AsSpan().SequenceEqual(actualBlob))
            return new ComparisonResult(ComparisonOutcome.Equal, $"byte-identical ({worst.Compared} elements)", null);
        return new ComparisonResult(ComparisonOutcome.WithinTolerance,
            $"{worst.Compared} elements within tolerance; worst {Where(worst.Element)} uses {worst.Excess:P0} of the allowed difference",
            worst.Element);
    }

    private static void CompareFloats(string name, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, Tolerance tol, Worst worst)
    {
        for (int i = 0; i < expected.Length; i++) worst.Offer(name, i, expected[i], actual[i], tol.Excess(expected[i], actual[i]), integer: false);
    }

    private static void CompareIntegers(string name, ReadOnlySpan<long> expected, ReadOnlySpan<long> actual, Worst worst)
    {
        for (int i = 0; i < expected.Length; i++)
            worst.Offer(name, i, expected[i], actual[i], expected[i] == actual[i] ? 0 : double.PositiveInfinity, integer: true);
    }

    private static string? StructuralDifference(TensorBlob expected, TensorBlob actual)
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

    private static string OutOfTolerance(Worst worst, Tolerance tol)
    {
        var e = worst.Element!;
        string values = $"{Where(e)}: expected {Format(e.Expected)}, got {Format(e.Actual)}";
        if (worst.IsInteger) return $"{values} (int64 elements must be equal)";
        if (double.IsNaN(e.Expected) || double.IsNaN(e.Actual)) return $"{values} (NaN matches nothing)";
        return $"{values} (difference {Format(e.Difference)}, allowed {Format(tol.Allowed(e.Expected))})";
    }

    private static string Where(ElementDifference? element) =>
        element is null ? "(no elements)" : $"\"{element.Tensor}\"[{element.Index}]";

    private static string Format(double value) => value.ToString("G9", CultureInfo.InvariantCulture);

    private static ComparisonResult Mismatch(string reason) => new(ComparisonOutcome.Mismatch, reason, null);

    /// <summary>The element with the largest excess seen so far (the first one on ties), and how many were compared.</summary>
    private sealed class Worst
    {
        public ElementDifference? Element { get; private set; }

        public double Excess { get; private set; } = -1;

        public bool IsInteger { get; private set; }

        public long Compared { get; private set; }

        public void Offer(string tensor, long index, double expected, double actual, double excess, bool integer)
        {
            Compared++;
            if (excess <= Excess) return;
            Excess = excess;
            IsInteger = integer;
            Element = new ElementDifference(tensor, index, expected, actual);
        }
    }
}
