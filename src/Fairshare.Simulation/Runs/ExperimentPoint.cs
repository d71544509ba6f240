using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Fairshare.Simulation.Runs;

/// <summary>One parameter point of an experiment: a variant with one value of each sweep.</summary>
/// <param name="Variant">The variant's name (<c>base</c> for the scenario as written).</param>
/// <param name="Sweep">The swept parameters and their values here, in the order of the sweeps.</param>
/// <param name="Parameters">The model parameters: the scenario's, then the variant's overrides, then the sweep values.</param>
public sealed record ExperimentPoint(string Variant, ImmutableArray<KeyValuePair<string, JsonNode>> Sweep, JsonObject Parameters)
{
    /// <summary>A short label: the variant, then <c>name=value</c> for each sweep.</summary>
    public string Label => Sweep.IsEmpty ? Variant : Variant + " " + string.Join(" ", Sweep.Select(s => $"{s.Key}={SweepText(s.Value)}"));

    /// <summary>A sweep value as a table cell: strings without quotes, other scalars as JSON.</summary>
    public static string SweepText(JsonNode value) =>
        value is JsonValue v && v.TryGetValue(out string? text) ? text : value.ToJsonString();
}
