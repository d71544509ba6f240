namespace Fairshare.Compute.Runtime;

/// <summary>Single-precision matrix multiplication <c>C = A · B</c> on row-major arrays, the kernel job's work.</summary>
public interface IMatMulBackend : IDisposable
{
    /// <summary>What executes it, e.g. <c>tensorprimitives</c> or <c>ilgpu-cpu (emulation)</c>.</summary>
    string Name { get; }

    /// <summary>Computes <paramref name="c"/> [m, n] = <paramref name="a"/> [m, k] · <paramref name="b"/> [k, n].</summary>
    /// <exception cref="ArgumentException">A span's length does not match its dimensions.</exception>
    void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n);
}
