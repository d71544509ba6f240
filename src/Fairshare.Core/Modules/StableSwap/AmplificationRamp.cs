using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>
/// A linear ramp of the precise amplification (A × 100) from <see cref="InitialA"/> at <see cref="InitialATime"/> to
/// <see cref="FutureA"/> at <see cref="FutureATime"/> (<c>defi-math.md</c> §6.6, the template's <c>_A()</c>).
/// </summary>
/// <param name="InitialA">Precise A at the start of the ramp.</param>
/// <param name="FutureA">Precise A at and after the end of the ramp.</param>
/// <param name="InitialATime">Start of the ramp (seconds).</param>
/// <param name="FutureATime">End of the ramp (seconds).</param>
public sealed record AmplificationRamp(BigInteger InitialA, BigInteger FutureA, BigInteger InitialATime, BigInteger FutureATime)
{
    /// <summary>The precise A at time <paramref name="now"/>, interpolated with truncation toward <see cref="InitialA"/>.</summary>
    public BigInteger PreciseAt(BigInteger now)
    {
        if (now >= FutureATime) return FutureA;
        if (FutureA > InitialA)
            return Add(InitialA, Div(Mul(Sub(FutureA, InitialA), Sub(now, InitialATime)), Sub(FutureATime, InitialATime)));
        return Sub(InitialA, Div(Mul(Sub(InitialA, FutureA), Sub(now, InitialATime)), Sub(FutureATime, InitialATime)));
    }

    /// <summary>The public A at time <paramref name="now"/>: the precise value divided by A_PRECISION, rounded down.</summary>
    public BigInteger At(BigInteger now) => PreciseAt(now) / StableSwapInvariant.APrecision;
}
