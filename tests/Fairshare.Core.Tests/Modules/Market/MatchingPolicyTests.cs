using System.Numerics;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using Xunit.Abstractions;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>Each matching policy's choice on hand-made provider sets, and what the policies do to the spread of work.</summary>
public sealed class MatchingPolicyTests(ITestOutputHelper output)
{
    private static ProviderRecord Provider(string name, ulong price, ulong faults = 0, ulong work = 0, ushort capacity = 1, ulong score = 100, byte renewable = 0) =>
        new(Address.ForModule(name), new ProviderProfile(name, new Amount(price), capacity, BenchmarkScore: score, RenewablePercent: renewable).Offer,
            ProviderStats.Empty with { Faults = faults, AssignedWorkUnits = work }, true, 0);

    private static string[] Names(IReadOnlyList<ProviderRecord> ranked) => [.. ranked.Select(p => p.Offer.Hardware["test GPU of ".Length..])];

    [Fact]
    public void LowestPrice_TakesTheCheapest_ThenTheBetterReputation_ThenTheLowerAddress()
    {
        var set = new[] { Provider("dear", 12), Provider("flawed", 10, faults: 1), Provider("x", 10), Provider("y", 10) };
        var (first, second) = Address.ForModule("x").CompareTo(Address.ForModule("y")) < 0 ? ("x", "y") : ("y", "x");
        Assert.Equal([first, second, "flawed", "dear"], Names(MarketMatcher.Rank(MatchingPolicy.LowestPrice, set, 0, default, MarketParams.Default.FairShareBandBps)));
    }

    [Fact]
    public void FairShare_FavoursTheProviderBehindItsShareOfCapacity_AtTheSamePrice()
    {
        // Equal capacity, one has done all the market's work so far: the idle one goes first.
        var busy = Provider("busy", 10, work: 1_000);
        var idle = Provider("idle", 10);
        Assert.Equal(["idle", "busy"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [busy, idle], 1_000, default, MarketParams.Default.FairShareBandBps)));
        // With no work yet, three times the capacity is three times the share: score ∝ reputation × (1 + share) / price.
        var small = Provider("small", 10, capacity: 1);
        var large = Provider("large", 10, capacity: 3);
        var scores = MarketMatcher.FairShareScores([small, large], 0);
        var scale = BigInteger.Pow(10, 36);
        Assert.Equal(new BigInteger(1_000_000) * 1_250_000 * scale / 10, scores[0]);
        Assert.Equal(new BigInteger(1_000_000) * 1_750_000 * scale / 10, scores[1]);
        // Price still counts: twice the price at the same shares halves the score.
        Assert.Equal(["cheap", "costly"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [Provider("costly", 20), Provider("cheap", 10)], 0, default, MarketParams.Default.FairShareBandBps)));
    }

    [Fact]
    public void FairShareBand_RanksTheBandByWorkPerCapacity_ThenTheRestByScore()
    {
        // Band 10% of the cheapest (100): 100..110 inside, 111 outside. Work per capacity: a 0 (none yet), b 50/1, c 120/2 = 60.
        var a = Provider("a", 110);
        var b = Provider("b", 100, work: 50);
        var c = Provider("c", 105, work: 120, capacity: 2);
        var d = Provider("d", 111);
        Assert.Equal(["a", "b", "c", "d"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [d, c, b, a], 170, default, 1_000)));
        // At the band's exact edge (10% above) a provider is inside; one base unit more is outside.
        var ceiling = MarketMatcher.BandCeiling([a, b, c, d], 1_000);
        Assert.True(MarketMatcher.InBand(a, ceiling));
        Assert.False(MarketMatcher.InBand(d, ceiling));
        // Band 0: only the cheapest price is in the band; the others follow by score (price still counts there).
        Assert.Equal("b", Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [a, b, c, d], 170, default, 0))[0]);
    }

    [Fact]
    public void FairShareBand_ComparesSharesExactly_AndBreaksTiesByPriceReputationAddress()
    {
        // 1/3 against 2/6 is a tie (no rounding): the lower price goes first.
        var third = Provider("third", 102, work: 1, capacity: 3);
        var twoSixths = Provider("twosixths", 101, work: 2, capacity: 6);
        Assert.Equal(["twosixths", "third"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [third, twoSixths], 3, default, 1_000)));
        // Same share and price: the better reputation, then the lower address.
        var flawed = Provider("flawed", 100, faults: 1, work: 10);
        var clean = Provider("clean", 100, work: 10);
        Assert.Equal(["clean", "flawed"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [flawed, clean], 20, default, 1_000)));
        var (first, second) = Address.ForModule("x").CompareTo(Address.ForModule("y")) < 0 ? ("x", "y") : ("y", "x");
        Assert.Equal([first, second], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [Provider("y", 100), Provider("x", 100)], 0, default, 1_000)));
        // A larger benchmark score is more capacity: at equal work it is further behind.
        var fast = Provider("fast", 100, work: 10, score: 400);
        var slow = Provider("slow", 100, work: 10, score: 100);
        Assert.Equal(["fast", "slow"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [slow, fast], 20, default, 1_000)));
    }

    [Fact]
    public void FairShareBand_OrderDoesNotDependOnTheInputOrder()
    {
        var set = Enumerable.Range(0, 12).Select(i => Provider($"p{i}", (ulong)(100 + i * 3 % 17), work: (ulong)(i * 7 % 5), capacity: (ushort)(1 + i % 4))).ToArray();
        var expected = Names(MarketMatcher.Rank(MatchingPolicy.FairShare, set, 40, default, 1_000));
        var rng = new Random(11);
        for (int k = 0; k < 20; k++)
        {
            var shuffled = set.OrderBy(_ => rng.Next()).ToArray();
            Assert.Equal(expected, Names(MarketMatcher.Rank(MatchingPolicy.FairShare, shuffled, 40, default, 1_000)));
        }
    }

    [Fact]
    public void Weighted_FollowsTheClientsWeights()
    {
        var green = Provider("green", 14, renewable: 100);
        var fast = Provider("fast", 12, score: 400);
        var cheap = Provider("cheap", 10);
        ProviderRecord[] set = [green, fast, cheap];
        Assert.Equal("green", Names(MarketMatcher.Rank(MatchingPolicy.Weighted, set, 0, new MatchWeights(0, 0, 0, 1), 0))[0]);
        Assert.Equal("fast", Names(MarketMatcher.Rank(MatchingPolicy.Weighted, set, 0, new MatchWeights(0, 1, 0, 0), 0))[0]);
        Assert.Equal("cheap", Names(MarketMatcher.Rank(MatchingPolicy.Weighted, set, 0, new MatchWeights(1, 0, 0, 0), 0))[0]);
        // Equal weights: green 10/14 + 1/4 + 1 + 1, fast 10/12 + 1 + 1 + 0, cheap 1 + 1/4 + 1 + 0 (each in ppm).
        Assert.Equal(
            [714_285 + 250_000 + 1_000_000 + 1_000_000, 833_333 + 1_000_000 + 1_000_000, 1_000_000 + 250_000 + 1_000_000],
            MarketMatcher.WeightedScores(set, default).Select(s => (int)s));
    }

    [Fact]
    public void OverThreeHundredJobs_FairShareSpreadsTheWork_WhereLowestPriceConcentratesIt()
    {
        var (lowestWork, fairWork) = (AssignedWork(MatchingPolicy.LowestPrice), AssignedWork(MatchingPolicy.FairShare));
        double lowest = Gini(lowestWork), fair = Gini(fairWork);
        output.WriteLine($"work units by provider (prices 50..54), 300 jobs: lowest-price [{string.Join(", ", lowestWork)}], fair-share [{string.Join(", ", fairWork)}]");
        output.WriteLine($"Gini of assigned work: lowest-price {lowest:F3}, fair-share {fair:F3}");
        Assert.True(fair < lowest - 0.2, $"fair-share {fair:F3} vs lowest-price {lowest:F3}");
    }

    /// <summary>
    /// 300 single-executor jobs, two a block, over five honest providers priced 50 to 54 (all within fair-share's default
    /// 10% band of the cheapest; the old test's 10 to 14 spread 40%, which the band by design does not pay for); each
    /// one's assigned work.
    /// </summary>
    private static ulong[] AssignedWork(MatchingPolicy policy)
    {
        var providers = Enumerable.Range(0, 5).Select(i => new ProviderProfile($"p{i}", new Amount((ulong)(50 + i)), 4)).ToList();
        var h = MarketHarness.Create(providers, new Random(3), clients: 1,
            p => p with { MatchingPolicy = policy, SpotCheckPpm = 0, ProbationJobs = 0 });
        for (int i = 0; i < 300; i++)
        {
            h.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)i));
            if (i % 2 == 1) h.Step();
        }

        h.RunUntilIdle(50);
        Assert.Equal(300, MarketStore.Jobs(h.State).Count(j => j.State == JobState.Settled));
        return [.. providers.Select(p => h.Provider(p.Name).Stats.AssignedWorkUnits)];
    }

    /// <summary>The population Gini coefficient: the mean absolute difference over twice the mean.</summary>
    private static double Gini(ulong[] values)
    {
        double sum = 0;
        foreach (var a in values)
        {
            foreach (var b in values) sum += Math.Abs((double)a - b);
        }

        return sum / (2.0 * values.Length * values.Length * values.Average(v => (double)v));
    }
}
