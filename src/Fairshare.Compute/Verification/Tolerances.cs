using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Verification;

/// <summary>
/// How far replicas' floating-point outputs may differ, one <see cref="Tolerance"/> per floating-point element type.
/// Integer and bool elements have no tolerance: they must be equal. The reasoning behind the defaults is in
/// <c>docs/compute.md</c> ("Verification tolerance").
/// </summary>
/// <param name="Float16">The tolerance of float16 elements.</param>
/// <param name="Float32">The tolerance of float32 elements.</param>
/// <param name="Float64">The tolerance of float64 elements.</param>
public sealed record Tolerances(Tolerance Float16, Tolerance Float32, Tolerance Float64)
{
    /// <summary>
    /// What replicas on different CPUs and GPUs need: float16 absolute 1e-2, relative 2e-2 (float16 has a 10-bit
    /// mantissa, so 2e-2 is 20 to 40 units in the last place: a few per layer over a deep network); float32
    /// <see cref="Tolerance.Default"/> (absolute 1e-4, relative 1e-3); float64 absolute 1e-10, relative 1e-9 (replicas
    /// differ by about 1e-15 to 1e-12 relative, so this leaves a thousandfold margin and still catches any wrong
    /// result).
    /// </summary>
    public static Tolerances Default { get; } = new(new Tolerance(1e-2, 2e-2), Tolerance.Default, new Tolerance(1e-10, 1e-9));

    /// <summary>The tolerance of a floating-point element type; null for integer and bool types, which must be equal.</summary>
    public Tolerance? For(TensorElementType type) => type switch
    {
        TensorElementType.Float16 => Float16,
        TensorElementType.Float32 => Float32,
        TensorElementType.Float64 => Float64,
        _ => null,
    };
}
