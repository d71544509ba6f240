using System.Buffers;
using System.Numerics;
using System.Text.Json;

namespace Fairshare.Conformance;

/// <summary>
/// Formats the nested outputs of <c>simulate</c> operations (step results, per-pool arrays) exactly as
/// <see cref="ConformanceRunner"/> flattens the expected ones: written as JSON, then flattened by the same rule.
/// </summary>
internal static class SimulationOutput
{
    /// <summary>A step result: <c>{}</c>, <c>{"name": "value", ...}</c>, or <c>{"error": NAME}</c>.</summary>
    public static KeyValuePair<string, string>[] Step(params (string Name, BigInteger Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, VectorInputs.Out(f.Value))).ToArray();

    /// <summary>The step result of a reverted action.</summary>
    public static KeyValuePair<string, string>[] Error(string name) => [new("error", name)];

    /// <summary>An array of step results, one object per step, fields in order.</summary>
    public static string Steps(IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> steps) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var step in steps) WriteObject(writer, step);
        writer.WriteEndArray();
    });

    /// <summary>An array whose entries are numbers or, where one failed, <c>{"error": NAME}</c>.</summary>
    public static string NumbersOrErrors(IEnumerable<(BigInteger Value, string? Error)> entries) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var (value, error) in entries)
        {
            if (error is null) writer.WriteStringValue(VectorInputs.Out(value));
            else WriteObject(writer, Error(error));
        }

        writer.WriteEndArray();
    });

    /// <summary>An array of arrays of numbers (e.g. <c>user_amounts[pid][account]</c>).</summary>
    public static string Matrix(IEnumerable<IEnumerable<BigInteger>> rows) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (var value in row) writer.WriteStringValue(VectorInputs.Out(value));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    });

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string>> fields)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields) writer.WriteString(name, value);
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return ConformanceRunner.Flatten(document.RootElement);
    }
}
