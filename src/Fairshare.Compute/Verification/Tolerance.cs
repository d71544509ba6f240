namespace Fairshare.Compute.Verification;

/// <summary>
/// How far two floating-point outputs of one element type may differ and still count as the same result:
/// element-wise <c>|a − b| ≤ Absolute + Relative · |a|</c>, where a is the expected (reference) element.
/// <see cref="Tolerances"/> holds one per floating-point type.
/// </summary>
/// <param name="Absolute">The absolute slack, for elements near zero.</param>
/// <param name="Relative">The slack as a fraction of the expected element's magnitude.</param>
public sealed record Tolerance(double Absolute, double Relative)
{
    /// <summary>
    /// The float32 tolerance, absolute 1e-4, relative 1e-3: what replicas on different CPUs and GPUs need. ONNX Runtime's MLAS picks its
    /// kernels by instruction set (SSE, AVX2, AVX-512, NEON), and GPUs fuse multiply-adds, so the same model on the
    /// same input differs by a few units in the last place per operation, and those differences grow with depth and
    /// with the length of the dot products. Float32 carries about 7 significant digits; 1e-3 relative leaves room for
    /// thousands of accumulated rounding steps while a wrong result (a skipped layer, other weights, random output)
    /// misses it by orders of magnitude. The absolute term keeps values that should be zero from failing on noise.
    /// </summary>
    public static Tolerance Default { get; } = new(1e-4, 1e-3);

    /// <summary>
    /// Whether <paramref name="actual"/> is within tolerance of <paramref name="expected"/>. NaN is never within
    /// tolerance of anything (not even NaN); an infinity only of the same infinity.
    /// </summary>
    public bool Accepts(double expected, double actual) => Excess(expected, actual) <= 1;

    /// <summary>
    /// The difference as a share of the allowed difference: ≤ 1 within tolerance, 0 when equal, positive infinity for
    /// NaN, an infinity against anything else, or any difference when nothing is allowed.
    /// </summary>
    public double Excess(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual)) return double.PositiveInfinity;
        if (expected == actual) return 0;
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return double.PositiveInfinity;
        double allowed = Allowed(expected);
        return allowed > 0 ? Math.Abs(expected - actual) / allowed : double.PositiveInfinity;
    }

    /// <summary>The largest difference allowed around <paramref name="expected"/>.</summary>
    public double Allowed(double expected) => Absolute + Relative * Math.Abs(expected);
}
