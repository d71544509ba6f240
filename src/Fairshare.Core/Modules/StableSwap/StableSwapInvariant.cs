using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>
/// The StableSwap invariant of the Curve plain-pool template (<c>SwapTemplateBase.vy</c>, <c>defi-math.md</c> §6.1–§6.2):
/// Newton solvers for D and for one normalised balance, with <c>amp</c> the precise amplification A·<see cref="APrecision"/>.
/// All arithmetic is checked uint256, evaluated left to right as in the contract; n is the number of balances given.
/// </summary>
public static class StableSwapInvariant
{
    /// <summary>The template's A_PRECISION: <c>amp</c> is A × 100.</summary>
    public static readonly BigInteger APrecision = 100;

    /// <summary>The Newton loops' iteration bound.</summary>
    public const int MaxIterations = 255;

    /// <summary>§6.1 <c>get_D</c>: the invariant of normalised balances <paramref name="xp"/>; 0 when they sum to 0.
    /// A zero balance among non-zero ones fails <c>DIVISION_BY_ZERO</c>; no convergence fails <c>NO_CONVERGENCE</c>.</summary>
    public static BigInteger GetD(IReadOnlyList<BigInteger> xp, BigInteger amp)
    {
        BigInteger n = xp.Count;
        BigInteger s = 0;
        foreach (var x in xp) s = Add(s, x);
        if (s.IsZero) return 0;
        var d = s;
        var ann = Mul(amp, n);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var dP = d;
            foreach (var x in xp) dP = Div(Mul(dP, d), Mul(x, n));
            var dPrev = d;
            var numerator = Mul(Add(Div(Mul(ann, s), APrecision), Mul(dP, n)), d);
            var denominator = Add(Div(Mul(Sub(ann, APrecision), d), APrecision), Mul(n + 1, dP));
            d = Div(numerator, denominator);
            if (BigInteger.Abs(d - dPrev) <= 1) return d;
        }

        throw new Math.RevertException(StableSwapErrors.NoConvergence);
    }

    /// <summary>§6.2 <c>get_y</c>: the new <c>xp[j]</c> that keeps D(<paramref name="xp"/>) when <c>xp[i]</c> becomes
    /// <paramref name="x"/>. Checks <c>SAME_COIN</c>, then the indices (<c>INDEX_OUT_OF_RANGE</c>), then computes D.</summary>
    public static BigInteger GetY(BigInteger i, BigInteger j, BigInteger x, IReadOnlyList<BigInteger> xp, BigInteger amp)
    {
        Require(i != j, StableSwapErrors.SameCoin);
        int n = xp.Count;
        int jj = CoinIndex.Of(j, n);
        int ii = CoinIndex.Of(i, n);
        var d = GetD(xp, amp);
        var ann = Mul(amp, n);
        var others = new List<BigInteger>(n);
        for (int k = 0; k < n; k++)
        {
            if (k == jj) continue;
            others.Add(k == ii ? x : xp[k]);
        }

        return SolveY(ann, d, others, n);
    }

    /// <summary>§6.2 <c>get_y_D</c>: the <c>xp[i]</c> that gives invariant <paramref name="d"/> with the other balances
    /// of <paramref name="xp"/> fixed. Checks only the index.</summary>
    public static BigInteger GetYD(BigInteger amp, BigInteger i, IReadOnlyList<BigInteger> xp, BigInteger d)
    {
        int n = xp.Count;
        int ii = CoinIndex.Of(i, n);
        var ann = Mul(amp, n);
        var others = new List<BigInteger>(n);
        for (int k = 0; k < n; k++)
        {
            if (k != ii) others.Add(xp[k]);
        }

        return SolveY(ann, d, others, n);
    }

    /// <summary>The quadratic y² + b·y = c solved by y ← (y² + c) / (2y + b − D), starting at D (template rounding).</summary>
    private static BigInteger SolveY(BigInteger ann, BigInteger d, List<BigInteger> others, BigInteger n)
    {
        var c = d;
        BigInteger s = 0;
        foreach (var x in others)
        {
            s = Add(s, x);
            c = Div(Mul(c, d), Mul(x, n));
        }

        c = Div(Mul(Mul(c, d), APrecision), Mul(ann, n));
        var b = Add(s, Div(Mul(d, APrecision), ann));
        var y = d;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var yPrev = y;
            y = Div(Add(Mul(y, y), c), Sub(Add(Mul(2, y), b), d));
            if (BigInteger.Abs(y - yPrev) <= 1) return y;
        }

        throw new Math.RevertException(StableSwapErrors.NoConvergence);
    }
}
