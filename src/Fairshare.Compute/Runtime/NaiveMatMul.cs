namespace Fairshare.Compute.Runtime;

/// <summary>
/// The textbook triple loop, summing each dot product in index order in float32: the reference the other backends are
/// tested against, and the baseline of the benchmark. Not meant for real work.
/// </summary>
public sealed class NaiveMatMul : IMatMulBackend
{
    /// <inheritdoc/>
    public string Name => "naive-loop";

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        MatMulShapes.Check(a, b, c, m, k, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
                c[i * n + j] = sum;
            }
        }
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
