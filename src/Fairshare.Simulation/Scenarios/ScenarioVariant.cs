using System.Text.Json.Nodes;

namespace Fairshare.Simulation.Scenarios;

/// <summary>A named mechanism or setting to compare: parameter overrides on top of the scenario's parameters.</summary>
/// <param name="Name">The variant's name (a column of <c>sim compare</c>).</param>
/// <param name="Overrides">Parameters that replace the scenario's; empty for the baseline.</param>
public sealed record ScenarioVariant(string Name, JsonObject Overrides)
{
    /// <summary>The name of the variant that is the scenario as written, without overrides.</summary>
    public const string BaseName = "base";

    /// <summary>The scenario as written.</summary>
    public static ScenarioVariant Base => new(BaseName, []);
}
