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
    private const ulong Ppm = Units.PpmDenominator;

    // Fair-share scores divide by a price in base units; this scale keeps their integer quotients distinct.
    private static readonly BigInteger FairShareScale = BigInteger.Pow(10, 36);

    /// <summary>
    /// The eligible providers, best first, under <paramref name="policy"/>. <paramref name="totalAssignedWorkUnits"/> is
    /// the market's work so far (the fair-share denominator); <paramref name="weights"/> is the job's (weighted policy);
    /// <paramref name="fairShareBandBps"/> is the fair-share price band (<c>market.fair-share-band-bps</c>).
    /// </summary>
    public static IReadOnlyList<ProviderRecord> Rank(
        MatchingPolicy policy, IReadOnlyList<ProviderRecord> eligible, ulong totalAssignedWorkUnits, MatchWeights weights, uint fairShareBandBps) => policy switch
        {
            MatchingPolicy.LowestPrice => [.. eligible
                .OrderBy(p => p.Offer.PricePerWorkUnit)
                .ThenByDescending(p => p.Stats.ReputationPpm)
                .ThenBy(p => p.Provider)],
            MatchingPolicy.FairShare => FairShare(eligible, totalAssignedWorkUnits, fairShareBandBps),
            MatchingPolicy.Weighted => ByScoreThenAddress(eligible, WeightedScores(eligible, weights)),
            _ => throw new InvalidOperationException($"unknown matching policy {policy}"),
        };

    /// <summary>
    /// Fair share with a price band: the providers priced within <paramref name="bandBps"/> of the cheapest eligible
    /// price come first, the one furthest behind its share of capacity first (see <see cref="BehindFirst"/>); then the
    /// others by <see cref="FairShareScores"/>, ties by address.
    /// </summary>
    public static IReadOnlyList<ProviderRecord> FairShare(IReadOnlyList<ProviderRecord> eligible, ulong totalAssignedWorkUnits, uint bandBps)
    {
        if (eligible.Count == 0) return [];
        var ceiling = BandCeiling(eligible, bandBps);
        var inBand = new List<ProviderRecord>();
        var outside = new List<ProviderRecord>();
        foreach (var p in eligible) (InBand(p, ceiling) ? inBand : outside).Add(p);
        inBand.Sort(BehindFirst);
        return [.. inBand, .. ByScoreThenAddress(outside, FairShareScores(outside, totalAssignedWorkUnits))];
    }

    /// <summary>
    /// The band's ceiling: the cheapest eligible price × (10⁴ + <paramref name="bandBps"/>), compared with a price × 10⁴
    /// (exact, no rounding).
    /// </summary>
    public static BigInteger BandCeiling(IReadOnlyList<ProviderRecord> eligible, uint bandBps)
    {
        var cheapest = eligible.Min(p => p.Offer.PricePerWorkUnit);
        return cheapest.ToBigInteger() * (Units.BpsDenominator + (BigInteger)bandBps);
    }

    /// <summary>Whether the provider's price × 10⁴ is at most the band's <paramref name="ceiling"/>.</summary>
    public static bool InBand(ProviderRecord provider, BigInteger ceiling) =>
        provider.Offer.PricePerWorkUnit.ToBigInteger() * Units.BpsDenominator <= ceiling;

    /// <summary>
    /// The order inside the band: smaller assigned work per unit of capacity (benchmark score × capacity) first, compared
    /// exactly by cross-multiplication (workShare / capacityShare over the same set orders as work / capacity); a
    /// provider with no work comes before any with work, and one with no capacity after every one with some. Ties: lower
    /// price, higher reputation, lower address.
    /// </summary>
    public static int BehindFirst(ProviderRecord a, ProviderRecord b)
    {
        var byShare = CompareWorkPerCapacity(a, b);
        if (byShare != 0) return byShare;
        var byPrice = a.Offer.PricePerWorkUnit.CompareTo(b.Offer.PricePerWorkUnit);
        if (byPrice != 0) return byPrice;
        var byReputation = b.Stats.ReputationPpm.CompareTo(a.Stats.ReputationPpm);
        return byReputation != 0 ? byReputation : a.Provider.CompareTo(b.Provider);
    }

    private static int CompareWorkPerCapacity(ProviderRecord a, ProviderRecord b)
    {
        UInt128 capacityA = (UInt128)a.Offer.BenchmarkScore * a.Offer.Capacity, capacityB = (UInt128)b.Offer.BenchmarkScore * b.Offer.Capacity;
        if (capacityA == 0 || capacityB == 0) return capacityB.CompareTo(capacityA);
        // work / capacity: a.work × b.capacity against b.work × a.capacity (u64 × u80 fits in BigInteger exactly).
        var left = (BigInteger)a.Stats.AssignedWorkUnits * (BigInteger)capacityB;
        var right = (BigInteger)b.Stats.AssignedWorkUnits * (BigInteger)capacityA;
        return left.CompareTo(right);
    }

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
