using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fairshare.Simulation.Scenarios;

namespace Fairshare.Simulation.Runs;

/// <summary>One parameter swept over several values (<c>--sweep name=a,b,c</c>); sweeps combine as a Cartesian product.</summary>
/// <param name="Parameter">The model parameter.</param>
/// <param name="Values">Its values, each a JSON scalar (numbers and booleans as such, anything else as a string).</param>
public sealed record SweepAxis(string Parameter, ImmutableArray<JsonNode> Values)
{
    /// <summary>Reads <c>name=v1,v2,…</c>; <see cref="ScenarioErrors.BadSweep"/> when it is not of that form.</summary>
    public static SweepAxis Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? "" : text[..equals].Trim();
        var parts = equals < 0 ? [] : text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (name.Length == 0 || parts.Length == 0 || parts.Any(p => p.Length == 0))
            throw new ScenarioException(ScenarioErrors.BadSweep, $"--sweep '{text}' must be PARAMETER=V1,V2,… with no empty value, e.g. --sweep agents=100,1000");
        return new SweepAxis(name, [.. parts.Select(Scalar)]);
    }

    /// <summary>Checks that no parameter is swept twice.</summary>
    public static void RejectDuplicates(IEnumerable<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var twice = axes.GroupBy(a => a.Parameter, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ScenarioException(ScenarioErrors.BadSweep, $"'{twice.Key}' is swept twice; give its values in one --sweep {twice.Key}=a,b,c");
    }

    private static JsonNode Scalar(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonValue value) return value;
        }
        catch (JsonException)
        {
            // Not JSON: the value is the text itself.
        }

        return JsonValue.Create(text);
    }
}
