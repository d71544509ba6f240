using System.Collections.Immutable;
using System.Text.Json;

namespace Fairshare.Conformance;

/// <summary>
/// Evaluates a vector file of the <c>defi-vectors/1</c> schema (<c>defi-math.md</c> §0.1): every case is run through
/// the registered operations and compared field by field; an expected error must match by name.
/// </summary>
public sealed class ConformanceRunner(IEnumerable<IVectorOperations> operations)
{
    /// <summary>The schemas this runner reads.</summary>
    public static IReadOnlyList<string> Schemas { get; } = ["defi-vectors/1"];

    private readonly Dictionary<string, IVectorOperations> _byPrimitive =
        operations.ToDictionary(o => o.Primitive, StringComparer.Ordinal);

    /// <summary>Parses the file; throws <see cref="VectorFileException"/> when it does not follow the schema.</summary>
    public static (string Schema, ImmutableArray<VectorCase> Cases) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new VectorFileException("not valid JSON: " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new VectorFileException("$: must be an object");
            var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : null;
            if (schema is null || !Schemas.Contains(schema))
                throw new VectorFileException($"$.schema: '{schema}' is not one of {string.Join(", ", Schemas)}");
            if (!root.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
                throw new VectorFileException("$.cases: must be an array");
            var builder = ImmutableArray.CreateBuilder<VectorCase>();
            int index = 0;
            foreach (var item in cases.EnumerateArray()) builder.Add(ReadCase(item, $"cases[{index++}]"));
            if (root.TryGetProperty("count", out var count) && (count.ValueKind != JsonValueKind.Number || count.GetInt32() != builder.Count))
                throw new VectorFileException($"$.count: says {count.GetRawText()} but the file holds {builder.Count} cases");
            return (schema, builder.ToImmutable());
        }
    }

    /// <summary>Runs every case.</summary>
    public ConformanceReport Run(string json)
    {
        var (schema, cases) = Parse(json);
        int passed = 0;
        var failures = ImmutableArray.CreateBuilder<CaseFailure>();
        foreach (var vector in cases)
        {
            var reason = Check(vector);
            if (reason is null) passed++;
            else failures.Add(new CaseFailure(vector.Id, vector.Primitive, vector.Operation, reason));
        }

        return new ConformanceReport(schema, passed, failures.ToImmutable());
    }

    private string? Check(VectorCase vector)
    {
        if (!_byPrimitive.TryGetValue(vector.Primitive, out var family))
            return $"primitive '{vector.Primitive}' is not implemented";
        VectorOutcome? outcome;
        try
        {
            outcome = family.Evaluate(vector);
        }
        catch (VectorFileException e)
        {
            return "bad inputs: " + e.Message;
        }

        if (outcome is null) return $"operation '{vector.Primitive}.{vector.Operation}' is not implemented";
        if (vector.ExpectedError is not null)
            return outcome.Error == vector.ExpectedError ? null : $"expected error {vector.ExpectedError}, got {Describe(outcome)}";
        if (outcome.Error is not null) return $"expected success, got error {outcome.Error}";
        foreach (var (field, expected) in vector.Expected)
        {
            if (!outcome.Outputs.TryGetValue(field, out var actual)) return $"output '{field}' is missing";
            if (actual != expected) return $"{field}: expected {expected}, got {actual}";
        }

        return null;
    }

    private static string Describe(VectorOutcome outcome) =>
        outcome.Error ?? "success (" + string.Join(", ", outcome.Outputs.Select(p => $"{p.Key}={p.Value}")) + ")";

    private static VectorCase ReadCase(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new VectorFileException($"{path}: must be an object");
        string Text(string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
                ? value.GetString()!
                : throw new VectorFileException($"{path}.{name}: must be a non-empty string");
        var id = Text("id");
        var primitive = Text("primitive");
        var op = Text("op");
        var inputs = Fields(item, "inputs", $"{path}");
        var expected = Fields(item, "expected", $"{path}");
        string? error = null;
        if (expected.TryGetValue("error", out var errorName))
        {
            if (expected.Count != 1) throw new VectorFileException($"{path}.expected: an error case holds only 'error'");
            error = errorName;
            expected = ImmutableSortedDictionary<string, string>.Empty;
        }

        return new VectorCase(id, primitive, op, inputs, expected, error);
    }

    private static ImmutableSortedDictionary<string, string> Fields(JsonElement item, string name, string path)
    {
        if (!item.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Object)
            throw new VectorFileException($"{path}.{name}: must be an object");
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) builder[property.Name] = Flatten(property.Value);
        return builder.ToImmutable();
    }

    /// <summary>
    /// Strings stay as they are; arrays of strings become comma-joined; objects and other arrays become compact JSON
    /// (re-written without whitespace, so the file's indentation does not matter). Operation families that return nested
    /// outputs (the <c>simulate</c> steps) flatten them through this same method.
    /// </summary>
    internal static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            string.Join(',', value.EnumerateArray().Select(e => e.GetString())),
        _ => Compact(value),
    };

    private static string Compact(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false })) value.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
