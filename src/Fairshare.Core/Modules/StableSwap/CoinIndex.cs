using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Coin indices are Vyper <c>int128</c>: any value outside [0, n) fails <c>INDEX_OUT_OF_RANGE</c> (§10.6).</summary>
public static class CoinIndex
{
    /// <summary>The index <paramref name="i"/> as an <see cref="int"/> in [0, <paramref name="n"/>), or a revert.</summary>
    public static int Of(BigInteger i, int n)
    {
        Require(i.Sign >= 0 && i < n, StableSwapErrors.IndexOutOfRange);
        return (int)i;
    }
}
