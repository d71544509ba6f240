using System.Buffers;
using System.Numerics.Tensors;

namespace Fairshare.Compute.Runtime;

/// <summary>
/// The CPU backend: B is transposed once so that every element of C is a <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// of two contiguous rows, which runs on the widest SIMD the CPU has (AVX-512, AVX2 or NEON). Single-threaded, like
/// the rest of the runtime.
/// </summary>
public sealed class TensorPrimitivesMatMul : IMatMulBackend
{
    /// <inheritdoc/>
    public string Name => "tensorprimitives";

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        MatMulShapes.Check(a, b, c, m, k, n);
        float[] rented = ArrayPool<float>.Shared.Rent(k * n);
        try
        {
            Span<float> bt = rented.AsSpan(0, k * n);
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
            }

            for (int i = 0; i < m; i++)
            {
                var row = a.Slice(i * k, k);
                for (int j = 0; j < n; j++) c[i * n + j] = TensorPrimitives.Dot(row, bt.Slice(j * k, k));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
