using System.Text.Json.Nodes;

namespace Fairshare.Simulation.Runs;

/// <summary>
/// A simulation model the runner can drive: one seeded run is a pure function of its parameters, seed and step count,
/// so runs can go in parallel and a run can be repeated exactly. Models: <c>rtt</c> (the RTT-1000 peer benchmark) and
/// <c>economy</c> (agents on the real Core modules).
/// </summary>
public interface ISimulationModel
{
    /// <summary>The name a scenario file gives in its <c>"model"</c> field.</summary>
    string Name { get; }

    /// <summary>
    /// Checks the parameters (the scenario's <c>"parameters"</c> object with any sweep values already applied) without
    /// running anything; throws <see cref="ScenarioException"/> with a stable code and a message saying what to fix.
    /// </summary>
    void Validate(JsonObject parameters);

    /// <summary>Runs one seeded run. Deterministic: the same parameters and context give the same outcome.</summary>
    RunOutcome Run(JsonObject parameters, RunContext context);
}
