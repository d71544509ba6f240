using System.Collections.Immutable;
using System.Reflection;
using Fairshare.Simulation.Runs;
using Fairshare.Simulation.Scenarios;

namespace Fairshare.Cli.Sim;

/// <summary>The scenarios of the repository's <c>scenarios/</c> folder, embedded in the CLI, and how a command finds one.</summary>
public static class ShippedScenarios
{
    private const string Prefix = "scenarios/";

    /// <summary>The shipped scenario names (file names without .json), sorted.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        .. typeof(ShippedScenarios).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every shipped scenario, read.</summary>
    public static IEnumerable<ScenarioFile> All => Names.Select(Read);

    /// <summary>
    /// The scenario at the path <paramref name="nameOrPath"/> when such a file exists, else the shipped scenario of
    /// that name (with or without .json); <see cref="ScenarioErrors.NotFound"/> when neither.
    /// </summary>
    public static ScenarioFile Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (File.Exists(nameOrPath)) return ScenarioLoader.Load(nameOrPath);
        string name = nameOrPath.EndsWith(".json", StringComparison.Ordinal) ? nameOrPath[..^".json".Length] : nameOrPath;
        if (Names.Contains(name)) return Read(name);
        throw new ScenarioException(ScenarioErrors.NotFound,
            $"'{nameOrPath}' is neither a scenario file nor a shipped scenario; give a path to a .json file or one of: {string.Join(", ", Names)} (see 'fairshare sim list')");
    }

    private static ScenarioFile Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name + ".json")
            ?? throw new InvalidOperationException($"the shipped scenario {name} is not embedded");
        using var reader = new StreamReader(stream);
        return ScenarioLoader.Parse(reader.ReadToEnd(), name);
    }
}
