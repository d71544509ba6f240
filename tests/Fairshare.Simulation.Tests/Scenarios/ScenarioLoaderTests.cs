using Fairshare.Simulation.Runs;
using Fairshare.Simulation.Scenarios;

namespace Fairshare.Simulation.Tests.Scenarios;

/// <summary>Scenario files: every field read, every mistake refused with a stable code.</summary>
public sealed class ScenarioLoaderTests
{
    [Fact]
    public void Parse_ReadsEveryField()
    {
        var s = ScenarioLoader.Parse("""
            {
              // comments are allowed
              "name": "demo", "description": "d", "model": "rtt", "steps": 5, "runs": 3,
              "seed": "0x10", "seeding": "offset", "sample_every": 2,
              "parameters": { "agents": 4 },
              "variants": { "a": {}, "b": { "agents": 5 } },
              "compare_metrics": ["gini"]
            }
            """, "demo.json");

        Assert.Equal(("demo", "d", "rtt", 5, 3, 16UL, SeedScheme.Offset, 2), (s.Name, s.Description, s.Model, s.Steps, s.Runs, s.Seed, s.Seeding, s.SampleEvery));
        Assert.Equal(4, s.Parameters["agents"]!.GetValue<int>());
        Assert.Equal(["a", "b"], s.Variants.Select(v => v.Name));
        Assert.Equal(["gini"], s.CompareMetrics.ToArray());
    }

    [Fact]
    public void Parse_Defaults_RunsOne_SeedZero_Derived_NoSeries()
    {
        var s = ScenarioLoader.Parse("""{ "name": "x", "model": "rtt", "steps": 1 }""", "x");
        Assert.Equal((1, 0UL, SeedScheme.Derived, 0, ""), (s.Runs, s.Seed, s.Seeding, s.SampleEvery, s.Description));
        Assert.Empty(s.Variants);
    }

    [Theory]
    [InlineData("{", ScenarioErrors.Malformed)]
    [InlineData("[]", ScenarioErrors.Malformed)]
    [InlineData("""{ "model": "rtt", "steps": 1 }""", ScenarioErrors.Malformed)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 1, "stpes": 2 }""", ScenarioErrors.Malformed)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": "ten" }""", ScenarioErrors.Malformed)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 1, "runs": 0 }""", ScenarioErrors.BadRuns)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 0 }""", ScenarioErrors.BadSteps)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 1, "seed": -1 }""", ScenarioErrors.Malformed)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 1, "seeding": "random" }""", ScenarioErrors.Malformed)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 1, "variants": { "a": 1 } }""", ScenarioErrors.Malformed)]
    [InlineData("""{ "name": "x", "model": "rtt", "steps": 1, "parameters": [] }""", ScenarioErrors.Malformed)]
    public void Parse_RefusesMistakes_WithStableCodes(string json, string code)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "f.json"));
        Assert.Equal(code, e.Code);
        Assert.StartsWith("f.json: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsNotFound()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json")));
        Assert.Equal(ScenarioErrors.NotFound, e.Code);
    }

    [Fact]
    public void EveryShippedScenario_LoadsAndPlans()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var scenario = ScenarioLoader.Load(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
            Assert.False(string.IsNullOrWhiteSpace(scenario.Description));
            if (scenario.Model == "rtt") Assert.NotEmpty(ExperimentPlan.Create(scenario, ModelRegistry.Default, new ExperimentOptions(Variants: [])).Points);
        }
    }
}
