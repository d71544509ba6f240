using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// The provider reward curves (<see cref="RewardCurve"/>) as pure integer functions: an epoch's pot shared over the
/// providers' verified work units. Every share rounds down; the remainders go to the treasury, so what is paid plus
/// what the treasury gets is exactly the pot.
/// </summary>
public static class EmissionCurve
{
    /// <summary>Shares <paramref name="pot"/> over <paramref name="work"/> (one entry per provider) under the curve.</summary>
    public static EmissionSplit Split(RewardCurve curve, in Amount pot, IReadOnlyList<ulong> work, ushort capBps)
    {
        var total = pot.ToBigInteger();
        var weights = new BigInteger[work.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = curve == RewardCurve.Concave ? Checked.Sqrt(work[i]) : work[i];
        var paid = curve == RewardCurve.Capped ? CappedShares(total, weights, capBps) : ProRata(total, weights);
        var sum = BigInteger.Zero;
        foreach (var p in paid) sum += p;
        return new EmissionSplit([.. paid.Select(ToAmount)], ToAmount(total - sum));
    }

    /// <summary>⌊pot × w_i / Σw⌋ for each provider; nothing when no provider has weight.</summary>
    private static BigInteger[] ProRata(BigInteger pot, BigInteger[] weights)
    {
        var sum = BigInteger.Zero;
        foreach (var w in weights) sum += w;
        var shares = new BigInteger[weights.Length];
        if (sum.IsZero) return shares;
        for (int i = 0; i < shares.Length; i++) shares[i] = pot * weights[i] / sum;
        return shares;
    }

    /// <summary>
    /// Water-filling: share pro rata among the providers not yet capped; any whose share would pass the cap
    /// (⌊pot × capBps / 10⁴⌋) gets the cap and leaves, and the rest is shared again among the others. What nobody can
    /// take (every provider with work capped) is left for the treasury.
    /// </summary>
    private static BigInteger[] CappedShares(BigInteger pot, BigInteger[] weights, ushort capBps)
    {
        var cap = pot * capBps / Units.BpsDenominator;
        var shares = new BigInteger[weights.Length];
        var open = new List<int>();
        for (int i = 0; i < weights.Length; i++)
        {
            if (!weights[i].IsZero) open.Add(i);
        }

        var left = pot;
        while (open.Count > 0)
        {
            var sum = BigInteger.Zero;
            foreach (int i in open) sum += weights[i];
            var over = open.Where(i => left * weights[i] / sum > cap).ToList();
            if (over.Count == 0)
            {
                foreach (int i in open) shares[i] = left * weights[i] / sum;
                break;
            }

            foreach (int i in over)
            {
                shares[i] = cap;
                left -= cap;
                open.Remove(i);
            }
        }

        return shares;
    }

    private static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new InvalidOperationException("an emission share exceeds the pot");
}
