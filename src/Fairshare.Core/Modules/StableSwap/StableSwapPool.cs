using System.Numerics;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>
/// The state of a Curve plain pool as its math sees it (<c>defi-math.md</c> §6): stored coin balances (in each coin's own
/// decimals, admin fees excluded), the per-coin <c>precision_mul = 10^(18 − decimals)</c>, the precise amplification
/// (A × 100, see <see cref="AmplificationRamp"/>), the swap fee and admin fee (fractions of 10^10) and the LP token supply.
/// </summary>
public sealed record StableSwapPool
{
    /// <summary>Creates a pool; <paramref name="balances"/> and <paramref name="precisionMul"/> must have the same length n ≥ 1.</summary>
    public StableSwapPool(IReadOnlyList<BigInteger> balances, IReadOnlyList<BigInteger> precisionMul, BigInteger amp, BigInteger fee,
        BigInteger adminFee, BigInteger tokenSupply)
    {
        if (balances.Count == 0 || balances.Count != precisionMul.Count)
            throw new ArgumentException("a pool needs one precision multiplier per coin, and at least one coin", nameof(precisionMul));
        Balances = balances.ToArray();
        PrecisionMul = precisionMul.ToArray();
        Amp = amp;
        Fee = fee;
        AdminFee = adminFee;
        TokenSupply = tokenSupply;
    }

    /// <summary>Stored balances, one per coin, in the coin's own units.</summary>
    public IReadOnlyList<BigInteger> Balances { get; init; }

    /// <summary>10^(18 − decimals) per coin; the template's RATES[i] is this × 10^18.</summary>
    public IReadOnlyList<BigInteger> PrecisionMul { get; }

    /// <summary>The precise amplification A × A_PRECISION in force (§6.6).</summary>
    public BigInteger Amp { get; init; }

    /// <summary>Swap fee as a fraction of 10^10.</summary>
    public BigInteger Fee { get; init; }

    /// <summary>Share of the fee kept for the admin, as a fraction of 10^10.</summary>
    public BigInteger AdminFee { get; init; }

    /// <summary>Total supply of the pool's LP token.</summary>
    public BigInteger TokenSupply { get; init; }

    /// <summary>The number of coins n.</summary>
    public int CoinCount => Balances.Count;
}
