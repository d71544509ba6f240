using System.Text.Json;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;

namespace Fairshare.Cli.Tests;

/// <summary>
/// The CLI's one casing for JSON keys, checked on every <c>--json</c> document a test gets (<see cref="CliProcess"/>
/// calls it): every key is camelCase, as in the API, except the keys of maps whose keys are names from data.
/// </summary>
public static class JsonKeyCheck
{
    /// <summary>Objects (not arrays) under these keys are maps keyed by data: asset symbols, table, metric, variant and flow-tag names.</summary>
    private static readonly HashSet<string> DataMaps = ["balances", "tables", "mean", "changePercent", "sweep", "metrics", "flows"];

    /// <summary>Asserts that a command's stdout under <c>--json</c> is one JSON document with camelCase keys.</summary>
    public static void AssertOneDocument(string command, string stdout)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(stdout);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"fairshare {command} --json did not print one JSON document ({e.Message}):\n{stdout}");
        }

        var bad = new List<string>();
        Walk(document, "$", parentKey: null, bad);
        Assert.True(bad.Count == 0, $"fairshare {command} --json wrote keys that are not camelCase: {string.Join(", ", bad)}");
    }

    private static void Walk(JsonNode? node, string path, string? parentKey, List<string> bad)
    {
        switch (node)
        {
            case JsonObject obj:
                bool dataKeys = parentKey is not null && DataMaps.Contains(parentKey);
                foreach (var (key, value) in obj)
                {
                    if (!dataKeys && !JsonKeys.IsCamelCase(key)) bad.Add($"{path}.{key}");
                    Walk(value, $"{path}.{key}", dataKeys ? null : key, bad);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", parentKey: null, bad);
                break;
        }
    }
}
