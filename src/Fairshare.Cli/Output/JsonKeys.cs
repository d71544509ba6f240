namespace Fairshare.Cli.Output;

/// <summary>
/// The casing of JSON keys: every key the CLI writes is camelCase, as the node's API (ASP.NET's web defaults) writes
/// them. Maps keyed by names that come from data (metric names, table names, variant labels, asset symbols) keep those
/// names, since they are values, not fields.
/// </summary>
public static class JsonKeys
{
    /// <summary>A table column's snake_case name as a JSON key: <c>net_fsh</c> → <c>netFsh</c>, <c>top10_share</c> → <c>top10Share</c>.</summary>
    public static string FromColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var parts = column.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return column;
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>Whether <paramref name="key"/> is camelCase: a lower-case letter first, then letters and digits only.</summary>
    public static bool IsCamelCase(string key) =>
        !string.IsNullOrEmpty(key) && char.IsAsciiLetterLower(key[0]) && key.All(char.IsAsciiLetterOrDigit);
}
