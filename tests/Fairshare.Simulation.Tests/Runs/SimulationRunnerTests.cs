using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Fairshare.Simulation.Runs;
using Fairshare.Simulation.Scenarios;

namespace Fairshare.Simulation.Tests.Runs;

/// <summary>The runner: the shipped RTT scenarios through the whole path, parallel = sequential, sweeps, variants, summaries.</summary>
public sealed class SimulationRunnerTests
{
    private static readonly string[] Rtt1000Hashes =
    [
        "7df08590875e075c", "2548fa1044ae2e5b", "0cdb48c073f552f1", "659ff0cc9856e9aa", "52e25188f1e11f30",
        "c0f2f840185f74d5", "d98b5572c41aab99", "69e1ba941336aa46", "6dcea8c97350bb78", "6cd111d15c124d18",
    ];

    private static ScenarioFile Shipped(string name) => ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", name + ".json"));

    [Fact]
    public void ShippedRtt1000_ThroughTheRunner_GivesTheTenReferenceHashes()
    {
        var plan = ExperimentPlan.Create(Shipped("rtt-1000"), ModelRegistry.Default);
        var result = new SimulationRunner(Environment.ProcessorCount).Run(plan);

        Assert.Equal(Rtt1000Hashes, result.Records.Select(r => r.Outcome.Fingerprint));
        Assert.Equal(Enumerable.Range(1, 10).Select(r => 0x5EED0000UL + (ulong)r), result.Records.Select(r => r.Seed));
        var gini = Assert.Single(result.Summaries).Find("gini")!;
        Assert.Equal(0.118598578, gini.Min);
        Assert.Equal(0.125011132, gini.Max);
    }

    [Fact]
    public void Parallel_GivesTheSameRecordsAsSequential()
    {
        var options = new ExperimentOptions(Runs: 5, Steps: 300, Sweeps: [SweepAxis.Parse("agents=10,37")]);
        var plan = ExperimentPlan.Create(Shipped("rtt-10"), ModelRegistry.Default, options);

        var sequential = new SimulationRunner(1).Run(plan);
        var parallel = new SimulationRunner(4).Run(plan);

        Assert.Equal(10, parallel.Records.Length);
        Assert.Equal(Cells(sequential), Cells(parallel));
        Assert.Equal(Cells(sequential), Cells(new SimulationRunner(3).Run(plan)));
    }

    [Fact]
    public void Sweeps_AreACartesianProduct_LastVaryingFastest_OnTopOfTheVariant()
    {
        var options = new ExperimentOptions(Runs: 1, Steps: 1, Sweeps: [SweepAxis.Parse("agents=3,4"), SweepAxis.Parse("initial_balance=5,6,7")], Variants: ["coarse"]);
        var plan = ExperimentPlan.Create(Shipped("rtt-10"), ModelRegistry.Default, options);

        Assert.Equal(
            ["coarse agents=3 initial_balance=5", "coarse agents=3 initial_balance=6", "coarse agents=3 initial_balance=7",
             "coarse agents=4 initial_balance=5", "coarse agents=4 initial_balance=6", "coarse agents=4 initial_balance=7"],
            plan.Points.Select(p => p.Label));
        Assert.Equal(7, plan.Points[^1].Parameters["initial_balance"]!.GetValue<int>());
        var result = new SimulationRunner(2).Run(plan);
        Assert.Equal(6, result.Summaries.Length);
        Assert.Equal(4 * 7, result.Records[^1].Outcome.Distributions[0].Holdings.Sum(h => (long)h));
    }

    [Fact]
    public void Variants_OverrideTheScenario_AndShareSeeds()
    {
        var plan = ExperimentPlan.Create(Shipped("rtt-10"), ModelRegistry.Default, new ExperimentOptions(Runs: 3, Steps: 10, Variants: []));

        Assert.Equal(["base", "coarse"], plan.Points.Select(p => p.Variant));
        Assert.Equal(10, plan.Points[1].Parameters["initial_balance"]!.GetValue<int>());
        var result = new SimulationRunner(2).Run(plan);
        Assert.Equal(result.Records.Where(r => r.Point.Variant == "base").Select(r => r.Seed), result.Records.Where(r => r.Point.Variant == "coarse").Select(r => r.Seed));
    }

    [Fact]
    public void Progress_ReachesTheTotalSteps()
    {
        var plan = ExperimentPlan.Create(Shipped("rtt-10"), ModelRegistry.Default, new ExperimentOptions(Runs: 3, Steps: 777));
        long last = 0;
        new SimulationRunner(2).Run(plan, done => Interlocked.Exchange(ref last, Math.Max(Interlocked.Read(ref last), done)));
        Assert.Equal(plan.TotalSteps, Interlocked.Read(ref last));
    }

    [Fact]
    public void DerivedSeeds_AreDistinctPerRun_AndFollowTheScenarioSeed()
    {
        var derived = Shipped("rtt-10") with { Seeding = SeedScheme.Derived, Seed = 42 };
        var plan = ExperimentPlan.Create(derived, ModelRegistry.Default, new ExperimentOptions(Runs: 50));
        var seeds = Enumerable.Range(1, 50).Select(plan.SeedFor).ToList();
        Assert.Equal(50, seeds.Distinct().Count());
        Assert.Equal(seeds, Enumerable.Range(1, 50).Select(ExperimentPlan.Create(derived, ModelRegistry.Default).SeedFor));
        Assert.NotEqual(seeds[0], ExperimentPlan.Create(derived, ModelRegistry.Default, new ExperimentOptions(Seed: 43)).SeedFor(1));
    }

    [Theory]
    [InlineData("agents", ScenarioErrors.BadSweep)]
    [InlineData("=1,2", ScenarioErrors.BadSweep)]
    [InlineData("agents=1,,2", ScenarioErrors.BadSweep)]
    [InlineData("agents=many", ModelParameters.BadParameter)]
    [InlineData("agnets=3", ModelParameters.UnknownParameter)]
    public void BadSweeps_AreRefusedBeforeAnythingRuns(string sweep, string code)
    {
        var e = Assert.Throws<ScenarioException>(() =>
            ExperimentPlan.Create(Shipped("rtt-10"), ModelRegistry.Default, new ExperimentOptions(Sweeps: [SweepAxis.Parse(sweep)])));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void SweepValues_AreJsonScalars_OrText()
    {
        var axis = SweepAxis.Parse("p=1, 2.5 ,true,abc,\"q\"");
        Assert.Equal(["1", "2.5", "true", "\"abc\"", "\"q\""], axis.Values.Select(v => v.ToJsonString()));
    }

    [Fact]
    public void PlanErrors_HaveStableCodes()
    {
        var rtt = Shipped("rtt-10");
        Assert.Equal(ScenarioErrors.BadSweep, Assert.Throws<ScenarioException>(() => ExperimentPlan.Create(rtt, ModelRegistry.Default,
            new ExperimentOptions(Sweeps: [SweepAxis.Parse("agents=3"), SweepAxis.Parse("agents=4")]))).Code);
        Assert.Equal(ScenarioErrors.BadRuns, Assert.Throws<ScenarioException>(() => ExperimentPlan.Create(rtt, ModelRegistry.Default, new ExperimentOptions(Runs: 0))).Code);
        Assert.Equal(ScenarioErrors.UnknownVariant, Assert.Throws<ScenarioException>(() => ExperimentPlan.Create(rtt, ModelRegistry.Default, new ExperimentOptions(Variants: ["nope"]))).Code);
        Assert.Equal(ScenarioErrors.UnknownVariant, Assert.Throws<ScenarioException>(() =>
            ExperimentPlan.Create(rtt with { Variants = [] }, ModelRegistry.Default, new ExperimentOptions(Variants: []))).Code);
        Assert.Equal(ScenarioErrors.UnknownModel, Assert.Throws<ScenarioException>(() => ExperimentPlan.Create(rtt with { Model = "nope" }, ModelRegistry.Default)).Code);
    }

    [Fact]
    public void MetricSummary_GivesPercentilesFrom20Runs_AndSkipsNaN()
    {
        var few = MetricSummary.Of("m", [1, 2, double.NaN, 3]);
        Assert.Equal((3, 2.0, 1.0, 3.0), (few.Count, few.Mean, few.Min, few.Max));
        Assert.Null(few.P5);

        var many = MetricSummary.Of("m", Enumerable.Range(0, 21).Select(i => (double)i));
        Assert.Equal(1.0, many.P5);
        Assert.Equal(19.0, many.P95);
        Assert.True(double.IsNaN(MetricSummary.Of("m", [double.NaN]).Mean));
    }

    [Fact]
    public void Tables_HoldOneRowPerRun_PerPointMetric_AndPerSample()
    {
        var plan = ExperimentPlan.Create(Shipped("rtt-10"), ModelRegistry.Default, new ExperimentOptions(Runs: 2, Steps: 1000, Sweeps: [SweepAxis.Parse("agents=5,6")]));
        var result = new SimulationRunner(2).Run(plan);

        var runs = ExperimentTables.Runs(result);
        Assert.Equal(["variant", "agents", "run", "seed", "gini", "top10_share", "hhi", "nakamoto_half", "max", "min", "volume", "fingerprint"], runs.Columns.Select(c => c.Name));
        Assert.Equal(4, runs.Rows.Count);
        Assert.Equal(2 * 7, ExperimentTables.Summary(result).Rows.Count);
        Assert.Equal(4 * 3, ExperimentTables.Series(result)!.Rows.Count); // steps 0, 500, 1000
        var gini = ExperimentTables.MeanSeries(result).Single(kv => kv.Key == "gini").Value;
        Assert.Equal(["base agents=5", "base agents=6"], gini.Select(s => s.Label));
        Assert.Equal([0.0, 500, 1000], gini[0].X.ToArray());
    }

    private static string[] Cells(ExperimentResult result) =>
        [.. result.Records.Select(r => $"{r.Point.Label}|{r.Run}|{r.Seed}|{r.Outcome.Fingerprint}|{string.Join(",", r.Outcome.Metrics.Select(m => m.Value))}")];
}
