using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// The matching policies (design §5.2) as pure integer functions: given the providers eligible for a slot, the order
/// in which the matcher takes them. Every policy breaks its ties by address (lower first), so the order never depends
/// on anything but the inputs.
/// </summary>
public static class MarketMatcher
{
    private const ulong Ppm = MarketParams.PpmDenominator;

    // Fair-share scores divide by a price in base units; this scale keeps their integer quotients distinct.
    private static readonly BigInteger FairShareScale = BigInteger.Pow(10, 36);

    /// <summary>
    /// The eligible providers, best first, under <paramref name="policy"/>. <paramref name="totalAssignedWorkUnits"/> is
    /// the market's work so far (the fair-share denominator); <paramref name="weights"/> is the job's (weighted policy).
    /// </summary>
    public static IReadOnlyList<ProviderRecord> Rank(
        MatchingPolicy policy, IReadOnlyList<ProviderRecord> eligible, ulong totalAssignedWorkUnits, MatchWeights weights) => policy switch
        {
            MatchingPolicy.LowestPrice => [.. eligible
                .OrderBy(p => p.Offer.PricePerWorkUnit)
                .ThenByDescending(p => p.Stats.ReputationPpm)
                .ThenBy(p => p.Provider)],
            MatchingPolicy.FairShare => ByScoreThenAddress(eligible, FairShareScores(eligible, totalAssignedWorkUnits)),
            MatchingPolicy.Weighted => ByScoreThenAddress(eligible, WeightedScores(eligible, weights)),
            _ => throw new InvalidOperationException($"unknown matching policy {policy}"),
        };

    /// <summary>
    /// Fair share: reputation × (10⁶ + capacityShare − workShare) / price, with the shares in ppm. capacityShare is the
    /// provider's benchmark score × capacity over the eligible set's total; workShare its assigned work units over the
    /// market's. A provider behind its share of capacity gains, one ahead of it loses; price still counts.
    /// </summary>
    public static IReadOnlyList<BigInteger> FairShareScores(IReadOnlyList<ProviderRecord> eligible, ulong totalAssignedWorkUnits)
    {
        UInt128 totalCapacity = 0;
        foreach (var p in eligible) totalCapacity += (UInt128)p.Offer.BenchmarkScore * p.Offer.Capacity;
        var scores = new BigInteger[eligible.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            var p = eligible[i];
            UInt128 capacityShare = totalCapacity == 0 ? 0 : (UInt128)p.Offer.BenchmarkScore * p.Offer.Capacity * Ppm / totalCapacity;
            UInt128 workShare = totalAssignedWorkUnits == 0 ? 0 : (UInt128)p.Stats.AssignedWorkUnits * Ppm / totalAssignedWorkUnits;
            if (workShare > Ppm) workShare = Ppm;
            var factor = (BigInteger)(Ppm + capacityShare - workShare);
            scores[i] = p.Stats.ReputationPpm * factor * FairShareScale / p.Offer.PricePerWorkUnit.ToBigInteger();
        }

        return scores;
    }

    /// <summary>
    /// Weighted: Σ weight × term over price (cheapest eligible price / price), speed (score / best eligible score),
    /// reputation and energy (renewable share), each term in ppm; all-zero weights count the four terms equally.
    /// </summary>
    public static IReadOnlyList<BigInteger> WeightedScores(IReadOnlyList<ProviderRecord> eligible, MatchWeights weights)
    {
        if (weights.IsZero) weights = new MatchWeights(1, 1, 1, 1);
        var minPrice = Amount.MaxValue;
        ulong maxScore = 0;
        foreach (var p in eligible)
        {
            if (p.Offer.PricePerWorkUnit < minPrice) minPrice = p.Offer.PricePerWorkUnit;
            if (p.Offer.BenchmarkScore > maxScore) maxScore = p.Offer.BenchmarkScore;
        }

        var scores = new BigInteger[eligible.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            var offer = eligible[i].Offer;
            var price = minPrice.ToBigInteger() * Ppm / offer.PricePerWorkUnit.ToBigInteger();
            var speed = (BigInteger)offer.BenchmarkScore * Ppm / maxScore;
            var reputation = (BigInteger)eligible[i].Stats.ReputationPpm;
            var energy = (BigInteger)offer.RenewablePercent * (Ppm / 100);
            scores[i] = weights.Price * price + weights.Speed * speed + weights.Reputation * reputation + weights.Energy * energy;
        }

        return scores;
    }

    private static ProviderRecord[] ByScoreThenAddress(IReadOnlyList<ProviderRecord> eligible, IReadOnlyList<BigInteger> scores) =>
        [.. Enumerable.Range(0, eligible.Count)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => eligible[i].Provider)
            .Select(i => eligible[i])];
}
