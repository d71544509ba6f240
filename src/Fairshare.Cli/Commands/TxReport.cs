using System.Text.Json.Nodes;

namespace Fairshare.Cli.Commands;

/// <summary>
/// What a committed transaction did, as its command tells it: the line after "ok", further lines under it, and the same
/// facts as extra keys of the <c>--json</c> document (amounts in base units, as decimal strings).
/// </summary>
public sealed record TxReport(string Summary, IReadOnlyList<string> Details, IReadOnlyList<KeyValuePair<string, JsonNode?>> Facts)
{
    /// <summary>A report of one line and no extra JSON keys.</summary>
    public static TxReport Line(string summary) => new(summary, [], []);
}
