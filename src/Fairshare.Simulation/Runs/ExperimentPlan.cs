using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Fairshare.Simulation.Randomness;
using Fairshare.Simulation.Scenarios;

namespace Fairshare.Simulation.Runs;

/// <summary>
/// A checked experiment: a scenario's model, every parameter point (variants × the Cartesian product of the sweeps),
/// runs per point, steps and seeds. Every point has passed the model's Validate, so running cannot fail on a parameter.
/// </summary>
public sealed class ExperimentPlan
{
    private ExperimentPlan(ScenarioFile scenario, ISimulationModel model, int runs, int steps, ulong seed, ImmutableArray<SweepAxis> sweeps, ImmutableArray<ExperimentPoint> points)
    {
        (Scenario, Model, Runs, Steps, Seed, Sweeps, Points) = (scenario, model, runs, steps, seed, sweeps, points);
    }

    /// <summary>The scenario as read.</summary>
    public ScenarioFile Scenario { get; }

    /// <summary>The model that runs it.</summary>
    public ISimulationModel Model { get; }

    /// <summary>Runs per point.</summary>
    public int Runs { get; }

    /// <summary>Steps per run.</summary>
    public int Steps { get; }

    /// <summary>The scenario seed in force.</summary>
    public ulong Seed { get; }

    /// <summary>The sweeps, in order.</summary>
    public ImmutableArray<SweepAxis> Sweeps { get; }

    /// <summary>The parameter points: variant-major, then the sweeps with the last one varying fastest.</summary>
    public ImmutableArray<ExperimentPoint> Points { get; }

    /// <summary>Runs in all.</summary>
    public long TotalRuns => (long)Points.Length * Runs;

    /// <summary>Steps in all (the length of the progress bar).</summary>
    public long TotalSteps => TotalRuns * Steps;

    /// <summary>Plans <paramref name="scenario"/> with <paramref name="options"/>; throws <see cref="ScenarioException"/> for anything that cannot run.</summary>
    public static ExperimentPlan Create(ScenarioFile scenario, ModelRegistry registry, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new ExperimentOptions();
        var model = registry.Find(scenario.Model);
        int runs = options.Runs ?? scenario.Runs;
        if (runs is < 1 or > ScenarioLoader.Limit) throw new ScenarioException(ScenarioErrors.BadRuns, $"runs must lie in 1 … {ScenarioLoader.Limit:N0}, not {runs}");
        int steps = options.Steps ?? scenario.Steps;
        if (steps is < 1 or > ScenarioLoader.Limit) throw new ScenarioException(ScenarioErrors.BadSteps, $"steps must lie in 1 … {ScenarioLoader.Limit:N0}, not {steps}");
        var sweeps = options.Sweeps.IsDefault ? [] : options.Sweeps;
        SweepAxis.RejectDuplicates(sweeps);
        var points = ImmutableArray.CreateBuilder<ExperimentPoint>();
        foreach (var variant in SelectVariants(scenario, options.Variants))
        {
            foreach (var combination in Combinations(sweeps))
            {
                var point = Point(scenario, variant, combination);
                try
                {
                    model.Validate(point.Parameters);
                }
                catch (ScenarioException e)
                {
                    throw new ScenarioException(e.Code, $"{scenario.Name} ({point.Label}): {e.Message}");
                }

                points.Add(point);
            }
        }

        if ((long)points.Count * runs > ScenarioLoader.Limit)
            throw new ScenarioException(ScenarioErrors.BadRuns, $"{points.Count:N0} points × {runs:N0} runs is more than {ScenarioLoader.Limit:N0} runs; sweep fewer values");
        return new ExperimentPlan(scenario, model, runs, steps, options.Seed ?? scenario.Seed, sweeps, points.ToImmutable());
    }

    /// <summary>The seed of run <paramref name="run"/> (from 1); the same for every point, so points compare on common random numbers.</summary>
    public ulong SeedFor(int run) => Scenario.Seeding == SeedScheme.Offset
        ? unchecked(Seed + (ulong)run)
        : SplitMix64.Derive(Seed, (ulong)run).Next();

    private static IEnumerable<ScenarioVariant> SelectVariants(ScenarioFile scenario, ImmutableArray<string>? names)
    {
        if (names is null) return [ScenarioVariant.Base];
        if (scenario.Variants.IsEmpty)
            throw new ScenarioException(ScenarioErrors.UnknownVariant, $"{scenario.Name} defines no variants to compare; add a \"variants\" object to the scenario file");
        if (names.Value.IsEmpty) return scenario.Variants;
        return names.Value.Select(name => scenario.Variants.FirstOrDefault(v => v.Name == name)
            ?? throw new ScenarioException(ScenarioErrors.UnknownVariant, $"{scenario.Name} has no variant '{name}'; its variants are: {string.Join(", ", scenario.Variants.Select(v => v.Name))}"));
    }

    private static IEnumerable<ImmutableArray<KeyValuePair<string, JsonNode>>> Combinations(ImmutableArray<SweepAxis> sweeps)
    {
        IEnumerable<ImmutableArray<KeyValuePair<string, JsonNode>>> result = [[]];
        foreach (var axis in sweeps)
        {
            var current = result;
            result = current.SelectMany(prefix => axis.Values.Select(v => prefix.Add(new KeyValuePair<string, JsonNode>(axis.Parameter, v))));
        }

        return result;
    }

    private static ExperimentPoint Point(ScenarioFile scenario, ScenarioVariant variant, ImmutableArray<KeyValuePair<string, JsonNode>> sweep)
    {
        var parameters = scenario.Parameters.DeepClone().AsObject();
        foreach (var (name, value) in variant.Overrides) parameters[name] = value?.DeepClone();
        foreach (var (name, value) in sweep) parameters[name] = value.DeepClone();
        return new ExperimentPoint(variant.Name, sweep, parameters);
    }
}
