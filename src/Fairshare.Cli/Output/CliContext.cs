using System.Text.Json.Nodes;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Output;

/// <summary>
/// What every command gets: where the data lives, which node to talk to, whether to print JSON, and how to print.
/// </summary>
public sealed class CliContext(DataDirectory data, bool json, IAnsiConsole console, TextWriter error, Uri? nodeUrl = null)
{
    /// <summary>The data directory (from --data, $FAIRSHARE_HOME or ~/.fairshare).</summary>
    public DataDirectory Data { get; } = data;

    /// <summary>The node's API from --node (or $FAIRSHARE_NODE), or null: then the data directory's chain (see ChainAccess).</summary>
    public Uri? NodeUrl { get; } = nodeUrl;

    /// <summary>True when --json was given: print one JSON document and nothing else on stdout.</summary>
    public bool Json { get; } = json;

    /// <summary>True when --dry-run was given: a transaction is executed against the current state and not sent.</summary>
    public bool DryRun { get; init; }

    /// <summary>True when --yes was given: nothing asks for a confirmation.</summary>
    public bool Yes { get; init; }

    /// <summary>The console for tables and progress.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Where errors go.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Prints a JSON document on stdout.</summary>
    public void WriteJson(JsonNode node) => System.Console.Out.WriteLine(node.ToJsonString(JsonOptions.Indented));

    /// <summary>Prints an error as one line (and as JSON with --json) and returns the exit code 1.</summary>
    public int Fail(string code, string message)
    {
        if (Json) WriteJson(new JsonObject { ["error"] = code, ["message"] = message });
        Error.WriteLine($"error: {message} [{code}]");
        return ExitCodes.Failure;
    }
}
