using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Fairshare.Analytics.Concentration;
using Fairshare.Simulation.Randomness;
using Fairshare.Simulation.Rtt;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Tests.Rtt;

/// <summary>The RTT model against the research note §3 (debug checkpoints, the ten reference runs of RTT-1000 and RTT-10).</summary>
public sealed class RttModelTests
{
    private const ulong SeedBase = 0x5EED0000;

    // Research note §3.2: run, Gini (exact decimal), top-10 share, HHI, Nakamoto > 1/2, max, min, FNV-1a-64.
    public static TheoryData<int, string, string, string, int, long, long, string> Rtt1000 => new()
    {
        { 1, "12149816/100000000", "16524/1000000", "1046985598/1000000000000", 417, 1814, 262, "7df08590875e075c" },
        { 2, "125011132/1000000000", "16647/1000000", "1049452446/1000000000000", 413, 1788, 361, "2548fa1044ae2e5b" },
        { 3, "121835472/1000000000", "16636/1000000", "1046675856/1000000000000", 414, 1818, 456, "0cdb48c073f552f1" },
        { 4, "119599124/1000000000", "16733/1000000", "1045708904/1000000000000", 417, 1834, 468, "659ff0cc9856e9aa" },
        { 5, "122545354/1000000000", "16083/1000000", "1046801174/1000000000000", 414, 1731, 463, "52e25188f1e11f30" },
        { 6, "122138572/1000000000", "16275/1000000", "104698052/100000000000", 415, 1761, 427, "c0f2f840185f74d5" },
        { 7, "1236895/10000000", "16588/1000000", "1048160538/1000000000000", 414, 1893, 433, "d98b5572c41aab99" },
        { 8, "12425525/100000000", "17027/1000000", "1049143718/1000000000000", 414, 1799, 361, "69e1ba941336aa46" },
        { 9, "122923106/1000000000", "17241/1000000", "1048617628/1000000000000", 415, 2211, 414, "6dcea8c97350bb78" },
        { 10, "118598578/1000000000", "1689/100000", "104497226/100000000000", 417, 1787, 492, "6cd111d15c124d18" },
    };

    [Fact]
    public void RunOne_FirstDraw_AgentZeroSends40ToAgent674()
    {
        var rng = new SplitMix64(SeedBase + 1);
        long amount = RttSimulation.NextTransfer(ref rng, 0, 1000, 999, out int recipient);
        Assert.Equal(40, amount);
        Assert.Equal(674, recipient);
    }

    [Fact]
    public void RunOne_DebugCheckpoints_MatchTheNote()
    {
        var sim = new RttSimulation(1000, 1000, SeedBase + 1);
        sim.Step();
        Assert.Equal(50_370, sim.Volume);
        Assert.Equal(0x1166f932d4d66411UL, sim.RngState);
        Assert.Equal(0x48c53c1122f95befUL, sim.Hash());
        while (sim.StepsDone < 10) sim.Step();
        Assert.Equal(0xd0c6c7224953fb90UL, sim.Hash());
        while (sim.StepsDone < 100) sim.Step();
        Assert.Equal(0xf818e76429a48cf9UL, sim.Hash());
    }

    [Fact]
    public void Step_ConservesTheSupply_AndNoBalanceGoesNegative()
    {
        var sim = new RttSimulation(50, 7, 12345);
        for (int s = 0; s < 200; s++)
        {
            sim.Step();
            Assert.Equal(350, Sum(sim.Balances));
            Assert.True(Min(sim.Balances) >= 0);
        }
    }

    [Theory]
    [MemberData(nameof(Rtt1000))]
    public void Rtt1000_Run_ReproducesTheNoteExactly(int run, string gini, string top10, string hhi, int nakamoto, long max, long min, string fnv)
    {
        var outcome = new RttModel().Run([], new RunContext(run, SeedBase + (ulong)run, 1000));

        Assert.Equal(fnv, outcome.Fingerprint);
        var holdings = Holdings.Create(Assert.Single(outcome.Distributions).Holdings).Value!;
        Assert.Equal(Fraction.Parse(gini), Gini.Exact(holdings));
        Assert.Equal(Fraction.Parse(top10), TopShare.OfCount(holdings, 10));
        Assert.Equal(Fraction.Parse(hhi), Hhi.Exact(holdings));
        Assert.Equal(Fraction.Parse(gini).ToDouble(), Metric(outcome, "gini"));
        Assert.Equal(Fraction.Parse(top10).ToDouble(), Metric(outcome, "top10_share"));
        Assert.Equal(Fraction.Parse(hhi).ToDouble(), Metric(outcome, "hhi"));
        Assert.Equal(nakamoto, Metric(outcome, "nakamoto_half"));
        Assert.Equal(max, Metric(outcome, "max"));
        Assert.Equal(min, Metric(outcome, "min"));
    }

    [Fact]
    public void Rtt10_TenRuns_ReproduceTheNoteHashes()
    {
        string[] expected =
        [
            "02b6d81c67bd86cf", "494dd2e0bfa3b006", "939b0efbc212f284", "30481efd8e4840b1", "a19da67fe8082790",
            "db6f46a002332f31", "b58b029bb33f0b4a", "6eb2b08c74f29365", "80acbfaf408ef9b4", "69b2d3118713322b",
        ];
        var parameters = new JsonObject { ["agents"] = 10 };
        var hashes = Enumerable.Range(1, 10).Select(run => new RttModel().Run(parameters, new RunContext(run, SeedBase + (ulong)run, 10_000)).Fingerprint);
        Assert.Equal(expected, hashes);
    }

    [Fact]
    public void Series_SamplesEveryNSteps_AndTheLastStep()
    {
        var outcome = new RttModel().Run(new JsonObject { ["agents"] = 10 }, new RunContext(1, 7, 25, SampleEvery: 10));
        var series = Assert.IsType<Fairshare.Analytics.Export.ReportTable>(outcome.Series);
        Assert.Equal("step", series.Columns[0].Name);
        Assert.Equal([0L, 10L, 20L, 25L], series.Rows.Select(r => (long)r[0]!));
    }

    [Theory]
    [InlineData("{\"agents\": 1}", ModelParameters.BadParameter)]
    [InlineData("{\"agents\": \"many\"}", ModelParameters.BadParameter)]
    [InlineData("{\"agents\": 10.5}", ModelParameters.BadParameter)]
    [InlineData("{\"initial_balance\": 0}", ModelParameters.BadParameter)]
    [InlineData("{\"agnets\": 10}", ModelParameters.UnknownParameter)]
    public void Validate_RefusesBadParameters_WithStableCodes(string json, string code)
    {
        var e = Assert.Throws<ScenarioException>(() => new RttModel().Validate(JsonNode.Parse(json)!.AsObject()));
        Assert.Equal(code, e.Code);
    }

    private static double Metric(RunOutcome outcome, string name) => outcome.Metrics.Single(m => m.Name == name).Value;

    private static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (long v in values) sum += v;
        return sum;
    }

    private static long Min(ReadOnlySpan<long> values)
    {
        long min = long.MaxValue;
        foreach (long v in values) min = Math.Min(min, v);
        return min;
    }
}
