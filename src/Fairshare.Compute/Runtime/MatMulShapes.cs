namespace Fairshare.Compute.Runtime;

/// <summary>The argument check every <see cref="IMatMulBackend"/> shares.</summary>
internal static class MatMulShapes
{
    /// <summary>Throws unless the spans hold exactly m×k, k×n and m×n elements of positive dimensions.</summary>
    public static void Check(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (a.Length != (long)m * k || b.Length != (long)k * n || c.Length != (long)m * n)
            throw new ArgumentException($"expected A {m}×{k}, B {k}×{n}, C {m}×{n}; got {a.Length}, {b.Length}, {c.Length} elements");
    }
}
