using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Fairshare.Simulation.Scenarios;

/// <summary>A scenario file (docs/simulation.md): which model, for how long, how many runs, with which parameters.</summary>
/// <param name="Name">Short name (the file name of a shipped scenario).</param>
/// <param name="Description">One or two sentences for <c>sim list</c>.</param>
/// <param name="Model">The model's name (<c>rtt</c>, <c>economy</c>).</param>
/// <param name="Steps">Timesteps per run.</param>
/// <param name="Runs">Monte Carlo runs per parameter point.</param>
/// <param name="Seed">The scenario seed; every run's seed follows from it and the run number.</param>
/// <param name="Seeding">How run seeds follow from <paramref name="Seed"/>.</param>
/// <param name="Parameters">The model's parameters.</param>
/// <param name="SampleEvery">Steps between series samples; 0 = no series.</param>
/// <param name="Variants">Named parameter overrides for <c>sim compare</c>, in file order; empty when none.</param>
/// <param name="CompareMetrics">The metrics <c>sim compare</c> shows; empty = all.</param>
public sealed record ScenarioFile(
    string Name,
    string Description,
    string Model,
    int Steps,
    int Runs,
    ulong Seed,
    SeedScheme Seeding,
    JsonObject Parameters,
    int SampleEvery,
    ImmutableArray<ScenarioVariant> Variants,
    ImmutableArray<string> CompareMetrics);
