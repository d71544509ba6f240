using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Scenarios;

/// <summary>Reads scenario files (JSON) into <see cref="ScenarioFile"/>, with a clear error for every mistake.</summary>
public static class ScenarioLoader
{
    /// <summary>The most runs or steps a scenario may ask for.</summary>
    public const int Limit = 100_000_000;

    private static readonly ImmutableArray<string> Fields =
        ["name", "description", "model", "steps", "runs", "seed", "seeding", "parameters", "sample_every", "variants", "compare_metrics"];

    /// <summary>Reads the scenario file at <paramref name="path"/>.</summary>
    public static ScenarioFile Load(string path)
    {
        if (!File.Exists(path)) throw new ScenarioException(ScenarioErrors.NotFound, $"no scenario file at {Path.GetFullPath(path)}");
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses scenario JSON; <paramref name="origin"/> (a file or scenario name) prefixes every error.</summary>
    public static ScenarioFile Parse(string json, string origin)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw Malformed(origin, "the file must hold one JSON object");
        }
        catch (JsonException e)
        {
            throw Malformed(origin, $"not valid JSON: {e.Message}");
        }

        foreach (var (field, _) in root)
        {
            if (!Fields.Contains(field)) throw Malformed(origin, $"unknown field '{field}'; the fields are: {string.Join(", ", Fields)}");
        }

        int runs = Integer(root, "runs", origin, 1);
        if (runs is < 1 or > Limit) throw new ScenarioException(ScenarioErrors.BadRuns, $"{origin}: runs must lie in 1 … {Limit:N0}, not {runs}");
        int steps = Integer(root, "steps", origin, null);
        if (steps is < 1 or > Limit) throw new ScenarioException(ScenarioErrors.BadSteps, $"{origin}: steps must lie in 1 … {Limit:N0}, not {steps}");
        int sampleEvery = Integer(root, "sample_every", origin, 0);
        if (sampleEvery < 0) throw Malformed(origin, "sample_every must be 0 (no series) or a positive number of steps");
        return new ScenarioFile(
            Name: Text(root, "name", origin, null),
            Description: Text(root, "description", origin, ""),
            Model: Text(root, "model", origin, null),
            Steps: steps,
            Runs: runs,
            Seed: Seed(root, origin),
            Seeding: Seeding(root, origin),
            Parameters: Object(root, "parameters", origin),
            SampleEvery: sampleEvery,
            Variants: Variants(root, origin),
            CompareMetrics: CompareMetrics(root, origin));
    }

    private static ScenarioException Malformed(string origin, string message) => new(ScenarioErrors.Malformed, $"{origin}: {message}");

    private static string Text(JsonObject root, string field, string origin, string? fallback)
    {
        if (!root.TryGetPropertyValue(field, out var node) || node is null)
            return fallback ?? throw Malformed(origin, $"the field '{field}' is missing");
        return node is JsonValue v && v.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw Malformed(origin, $"'{field}' must be a non-empty string, not {node.ToJsonString()}");
    }

    private static int Integer(JsonObject root, string field, string origin, int? fallback)
    {
        if (!root.TryGetPropertyValue(field, out var node) || node is null)
            return fallback ?? throw Malformed(origin, $"the field '{field}' is missing");
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && int.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Malformed(origin, $"'{field}' must be a whole number, not {node.ToJsonString()}");
    }

    private static ulong Seed(JsonObject root, string origin)
    {
        if (!root.TryGetPropertyValue("seed", out var node) || node is null) return 0;
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && ulong.TryParse(v.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong number)) return number;
            if (v.TryGetValue(out string? text) && TryParseSeed(text, out ulong parsed)) return parsed;
        }

        throw Malformed(origin, $"'seed' must be a whole number from 0 to 2^64 − 1 or a hex string like \"0x5EED0000\", not {node.ToJsonString()}");
    }

    /// <summary>Reads a seed written in decimal or as 0x-prefixed hex.</summary>
    public static bool TryParseSeed(string? text, out ulong seed)
    {
        seed = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed);
    }

    private static SeedScheme Seeding(JsonObject root, string origin) => Text(root, "seeding", origin, "derived") switch
    {
        "derived" => SeedScheme.Derived,
        "offset" => SeedScheme.Offset,
        var other => throw Malformed(origin, $"'seeding' must be \"derived\" (a sub-stream per run) or \"offset\" (seed + run), not \"{other}\""),
    };

    private static JsonObject Object(JsonObject root, string field, string origin)
    {
        if (!root.TryGetPropertyValue(field, out var node) || node is null) return [];
        return node is JsonObject o ? o.DeepClone().AsObject() : throw Malformed(origin, $"'{field}' must be an object, not {node.ToJsonString()}");
    }

    private static ImmutableArray<ScenarioVariant> Variants(JsonObject root, string origin)
    {
        var variants = Object(root, "variants", origin);
        var result = ImmutableArray.CreateBuilder<ScenarioVariant>();
        foreach (var (name, node) in variants)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains(',', StringComparison.Ordinal))
                throw Malformed(origin, $"variant name '{name}' must be non-empty and without commas");
            if (node is not JsonObject overrides) throw Malformed(origin, $"variant '{name}' must be an object of parameter overrides");
            result.Add(new ScenarioVariant(name, overrides.DeepClone().AsObject()));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> CompareMetrics(JsonObject root, string origin)
    {
        if (!root.TryGetPropertyValue("compare_metrics", out var node) || node is null) return [];
        if (node is not JsonArray array) throw Malformed(origin, "'compare_metrics' must be an array of metric names");
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue v || !v.TryGetValue(out string? name) || string.IsNullOrWhiteSpace(name))
                throw Malformed(origin, "'compare_metrics' must hold metric names (strings)");
            names.Add(name);
        }

        return names.ToImmutable();
    }
}
