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
        Assert.Equal([first, second, "flawed", "dear"], Names(MarketMatcher.Rank(MatchingPolicy.LowestPrice, set, 0, default)));
    }

    [Fact]
    public void FairShare_FavoursTheProviderBehindItsShareOfCapacity_AtTheSamePrice()
    {
        // Equal capacity, one has done all the market's work so far: the idle one goes first.
        var busy = Provider("busy", 10, work: 1_000);
        var idle = Provider("idle", 10);
        Assert.Equal(["idle", "busy"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [busy, idle], 1_000, default)));
        // With no work yet, three times the capacity is three times the share: score ∝ reputation × (1 + share) / price.
        var small = Provider("small", 10, capacity: 1);
        var large = Provider("large", 10, capacity: 3);
        var scores = MarketMatcher.FairShareScores([small, large], 0);
        var scale = BigInteger.Pow(10, 36);
        Assert.Equal(new BigInteger(1_000_000) * 1_250_000 * scale / 10, scores[0]);
        Assert.Equal(new BigInteger(1_000_000) * 1_750_000 * scale / 10, scores[1]);
        // Price still counts: twice the price at the same shares halves the score.
        Assert.Equal(["cheap", "costly"], Names(MarketMatcher.Rank(MatchingPolicy.FairShare, [Provider("costly", 20), Provider("cheap", 10)], 0, default)));
    }

    [Fact]
    public void Weighted_FollowsTheClientsWeights()
    {
        var green = Provider("green", 14, renewable: 100);
        var fast = Provider("fast", 12, score: 400);
        var cheap = Provider("cheap", 10);
        ProviderRecord[] set = [green, fast, cheap];
        Assert.Equal("green", Names(MarketMatcher.Rank(MatchingPolicy.Weighted, set, 0, new MatchWeights(0, 0, 0, 1)))[0]);
        Assert.Equal("fast", Names(MarketMatcher.Rank(MatchingPolicy.Weighted, set, 0, new MatchWeights(0, 1, 0, 0)))[0]);
        Assert.Equal("cheap", Names(MarketMatcher.Rank(MatchingPolicy.Weighted, set, 0, new MatchWeights(1, 0, 0, 0)))[0]);
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
        output.WriteLine($"work units by provider (prices 10..14), 300 jobs: lowest-price [{string.Join(", ", lowestWork)}], fair-share [{string.Join(", ", fairWork)}]");
        output.WriteLine($"Gini of assigned work: lowest-price {lowest:F3}, fair-share {fair:F3}");
        Assert.True(fair < lowest - 0.2, $"fair-share {fair:F3} vs lowest-price {lowest:F3}");
    }

    /// <summary>300 single-executor jobs, two a block, over five honest providers priced 10 to 14; each one's assigned work.</summary>
    private static ulong[] AssignedWork(MatchingPolicy policy)
    {
        var providers = Enumerable.Range(0, 5).Select(i => new ProviderProfile($"p{i}", new Amount((ulong)(10 + i)), 4)).ToList();
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
