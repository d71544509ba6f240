using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fairshare.Analytics.Reports;

/// <summary>
/// Reads a genesis allocation table: a CSV of <c>label,amount[,cohort]</c> (an optional header row, '#' comments, RFC
/// 4180 quotes), or JSON: an object of label → amount, or an array of <c>{"label", "amount", "cohort"?}</c>. Amounts
/// are exact decimals (a JSON number is read as its text), never rounded.
/// </summary>
public static class GenesisTable
{
    /// <summary>Parses <paramref name="text"/>; JSON when it starts with '{' or '['.</summary>
    public static GenesisTableResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var result = trimmed.StartsWith('{') || trimmed.StartsWith('[') ? ParseJson(trimmed) : ParseCsv(text);
        if (result.IsOk && result.Rows.IsEmpty) return Fail("the table has no rows");
        return result;
    }

    private static GenesisTableResult ParseCsv(string text)
    {
        var rows = ImmutableArray.CreateBuilder<GenesisAllocation>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (SplitCsv(line) is not { } fields) return Fail($"line {i + 1}: an unterminated quote");
            if (rows.Count == 0 && fields.Length >= 2 && fields[1].Equals("amount", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Length is < 2 or > 3) return Fail($"line {i + 1}: expected 'label,amount[,cohort]', got {fields.Length} fields");
            if (Row(fields[0], fields[1], fields.Length == 3 ? fields[2] : null) is not { } row)
                return Fail($"line {i + 1}: '{fields[1]}' is not an exact decimal amount (digits, optionally '.' and digits)");
            rows.Add(row);
        }

        return new GenesisTableResult(rows.ToImmutable(), null);
    }

    private static GenesisTableResult ParseJson(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return Fail($"not valid JSON: {e.Message}");
        }

        var rows = ImmutableArray.CreateBuilder<GenesisAllocation>();
        switch (root)
        {
            case JsonObject obj:
                foreach (var (label, value) in obj)
                {
                    if (Row(label, AmountText(value), null) is not { } row) return Fail($"'{label}': the amount must be a non-negative decimal number or string");
                    rows.Add(row);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonObject item || item["label"] is not JsonValue label || label.GetValueKind() != JsonValueKind.String)
                        return Fail($"entry {i}: expected {{\"label\": \"…\", \"amount\": …, \"cohort\"?: \"…\"}}");
                    string? cohort = item["cohort"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
                    if (Row(label.GetValue<string>(), AmountText(item["amount"]), cohort) is not { } row)
                        return Fail($"entry {i}: the amount must be a non-negative decimal number or string");
                    rows.Add(row);
                }

                break;
            default:
                return Fail("expected a JSON object of label → amount or an array of {label, amount, cohort}");
        }

        return new GenesisTableResult(rows.ToImmutable(), null);
    }

    private static string? AmountText(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        }
        : null;

    private static GenesisAllocation? Row(string label, string? amount, string? cohort)
    {
        if (amount is null) return null;
        var text = amount.Trim().Replace("_", "", StringComparison.Ordinal);
        if (text.Length == 0 || text.Count(c => c == '.') > 1 || text.StartsWith('.') || text.EndsWith('.') || !text.All(c => char.IsAsciiDigit(c) || c == '.')) return null;
        var name = label.Trim();
        return new GenesisAllocation(name, text, string.IsNullOrWhiteSpace(cohort) ? name : cohort.Trim().ToLowerInvariant());
    }

    private static string[]? SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') (current, i) = (current.Append('"'), i + 1);
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') (fields, current) = (Add(fields, current), new System.Text.StringBuilder());
            else current.Append(c);
        }

        if (quoted) return null;
        fields.Add(current.ToString().Trim());
        return [.. fields];

        static List<string> Add(List<string> list, System.Text.StringBuilder field)
        {
            list.Add(field.ToString().Trim());
            return list;
        }
    }

    private static GenesisTableResult Fail(string message) => new([], message);
}
