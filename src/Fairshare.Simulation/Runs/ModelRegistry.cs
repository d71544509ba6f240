using System.Collections.Immutable;
using Fairshare.Simulation.Economy;
using Fairshare.Simulation.Rtt;
using Fairshare.Simulation.Scenarios;

namespace Fairshare.Simulation.Runs;

/// <summary>The models a scenario can name, by <see cref="ISimulationModel.Name"/>.</summary>
public sealed class ModelRegistry
{
    private readonly ImmutableArray<ISimulationModel> _models;

    /// <summary>A registry of <paramref name="models"/>; names must be distinct.</summary>
    public ModelRegistry(IEnumerable<ISimulationModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = [.. models];
        var duplicate = _models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two models are named '{duplicate.Key}'", nameof(models));
    }

    /// <summary>Every model the simulator ships: add a model here and every command can run it.</summary>
    public static ModelRegistry Default { get; } = new([new RttModel(), new EconomyModel()]);

    /// <summary>The model names, in registration order.</summary>
    public IEnumerable<string> Names => _models.Select(m => m.Name);

    /// <summary>The model named <paramref name="name"/>; <see cref="ScenarioErrors.UnknownModel"/> when there is none.</summary>
    public ISimulationModel Find(string name) =>
        _models.FirstOrDefault(m => m.Name == name)
        ?? throw new ScenarioException(ScenarioErrors.UnknownModel, $"no model named '{name}'; the models are: {string.Join(", ", Names)}");
}
