namespace Fairshare.Compute.Benchmarking;

/// <summary>Arithmetic on sizes and counts that stops at the type's maximum instead of wrapping around.</summary>
internal static class Saturating
{
    /// <summary>a·b for non-negative a and b, or <see cref="long.MaxValue"/>.</summary>
    public static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    /// <summary>a + b for non-negative a and b, or <see cref="long.MaxValue"/>.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>a·b, or <see cref="UInt128.MaxValue"/>.</summary>
    public static UInt128 Multiply(UInt128 a, UInt128 b) => a != 0 && b > UInt128.MaxValue / a ? UInt128.MaxValue : a * b;

    /// <summary>a + b, or <see cref="UInt128.MaxValue"/>.</summary>
    public static UInt128 Add(UInt128 a, UInt128 b) => a > UInt128.MaxValue - b ? UInt128.MaxValue : a + b;

    /// <summary>The value as a <see cref="ulong"/>, or <see cref="ulong.MaxValue"/>.</summary>
    public static ulong ToUInt64(UInt128 value) => value > ulong.MaxValue ? ulong.MaxValue : (ulong)value;

    /// <summary>The product of the factors (each ≥ 0), or <see cref="long.MaxValue"/>.</summary>
    public static long Product(ReadOnlySpan<long> factors)
    {
        foreach (long f in factors)
        {
            if (f == 0) return 0;
        }

        long product = 1;
        foreach (long f in factors) product = Multiply(product, f);
        return product;
    }
}
