using System.Numerics;
using Fairshare.Core.Modules.StableSwap;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Conformance.Reference;

/// <summary>
/// The older invariant of Curve's 3pool (<c>StableSwap3Pool.vy</c>, <c>defi-math.md</c> §6.7): <c>amp</c> is the plain A
/// (no A_PRECISION), the roundings differ from <see cref="StableSwapInvariant"/>, and a Newton loop that does not settle
/// within 255 steps returns its last iterate instead of failing. Never mix the two.
/// </summary>
public static class LegacyStableSwapInvariant
{
    /// <summary>§6.7 legacy <c>get_D</c>: D = (Ann·S + D_P·n)·D / ((Ann − 1)·D + (n + 1)·D_P) iterated from S.</summary>
    public static NewtonSolution GetD(IReadOnlyList<BigInteger> xp, BigInteger amp)
    {
        BigInteger n = xp.Count;
        BigInteger s = 0;
        foreach (var x in xp) s = Add(s, x);
        if (s.IsZero) return new NewtonSolution(0, true);
        var d = s;
        var ann = Mul(amp, n);
        for (int iteration = 0; iteration < StableSwapInvariant.MaxIterations; iteration++)
        {
            var dP = d;
            foreach (var x in xp) dP = Div(Mul(dP, d), Mul(x, n));
            var dPrev = d;
            var numerator = Mul(Add(Mul(ann, s), Mul(dP, n)), d);
            var denominator = Add(Mul(Sub(ann, 1), d), Mul(n + 1, dP));
            d = Div(numerator, denominator);
            if (BigInteger.Abs(d - dPrev) <= 1) return new NewtonSolution(d, true);
        }

        return new NewtonSolution(d, false);
    }

    /// <summary>§6.7 legacy <c>get_y</c>: as §6.2 with c = c·D / (Ann·n) and b = S + D / Ann; <see cref="NewtonSolution.Converged"/>
    /// reports the y loop (D comes from the legacy <see cref="GetD"/>, whose last iterate is used as is).</summary>
    public static NewtonSolution GetY(BigInteger i, BigInteger j, BigInteger x, IReadOnlyList<BigInteger> xp, BigInteger amp)
    {
        Require(i != j, StableSwapErrors.SameCoin);
        int n = xp.Count;
        int jj = CoinIndex.Of(j, n);
        int ii = CoinIndex.Of(i, n);
        var d = GetD(xp, amp).Value;
        var c = d;
        BigInteger s = 0;
        var ann = Mul(amp, n);
        for (int k = 0; k < n; k++)
        {
            if (k == jj) continue;
            var xk = k == ii ? x : xp[k];
            s = Add(s, xk);
            c = Div(Mul(c, d), Mul(xk, n));
        }

        c = Div(Mul(c, d), Mul(ann, n));
        var b = Add(s, Div(d, ann));
        var y = d;
        for (int iteration = 0; iteration < StableSwapInvariant.MaxIterations; iteration++)
        {
            var yPrev = y;
            y = Div(Add(Mul(y, y), c), Sub(Add(Mul(2, y), b), d));
            if (BigInteger.Abs(y - yPrev) <= 1) return new NewtonSolution(y, true);
        }

        return new NewtonSolution(y, false);
    }
}
