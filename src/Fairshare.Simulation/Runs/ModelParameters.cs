using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fairshare.Simulation.Runs;

/// <summary>Reads a model's parameters from a scenario's <c>"parameters"</c> object, with the errors every model gives.</summary>
public static class ModelParameters
{
    /// <summary>Error code: a parameter the model does not have.</summary>
    public const string UnknownParameter = "unknown_parameter";

    /// <summary>Error code: a parameter of the wrong type or out of range.</summary>
    public const string BadParameter = "bad_parameter";

    /// <summary>Throws <see cref="UnknownParameter"/> for a name outside <paramref name="known"/>, listing the known ones.</summary>
    public static void RejectUnknown(JsonObject parameters, string model, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, _) in parameters)
        {
            if (!known.Contains(name))
                throw new ScenarioException(UnknownParameter, $"model '{model}' has no parameter '{name}'; its parameters are: {string.Join(", ", known)}");
        }
    }

    /// <summary>An integer parameter in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public static long Integer(JsonObject parameters, string name, long fallback, long min, long max)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.TryGetPropertyValue(name, out var node) || node is null) return fallback;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
            || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long result))
            throw new ScenarioException(BadParameter, $"parameter '{name}' must be a whole number, not {node.ToJsonString()}");
        if (result < min || result > max)
            throw new ScenarioException(BadParameter, $"parameter '{name}' must lie in {min:N0} … {max:N0}, not {result:N0}");
        return result;
    }
}
