namespace Fairshare.Simulation.Scenarios;

/// <summary>The stable codes of <see cref="Runs.ScenarioException"/> for scenarios, sweeps and runs.</summary>
public static class ScenarioErrors
{
    /// <summary>No scenario file at that path and no shipped scenario of that name.</summary>
    public const string NotFound = "scenario_not_found";

    /// <summary>Not JSON, or JSON that is not a scenario (missing or ill-typed field, unknown field).</summary>
    public const string Malformed = "malformed_scenario";

    /// <summary>The scenario names a model the runner does not have.</summary>
    public const string UnknownModel = "unknown_model";

    /// <summary>Runs below 1 (or above the limit).</summary>
    public const string BadRuns = "bad_runs";

    /// <summary>Steps below 1 (or above the limit).</summary>
    public const string BadSteps = "bad_steps";

    /// <summary>A --sweep that is not NAME=V1,V2,…, or names a parameter twice.</summary>
    public const string BadSweep = "bad_sweep";

    /// <summary>A --variants name the scenario does not define.</summary>
    public const string UnknownVariant = "unknown_variant";
}
