using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Fairshare.Conformance;

/// <summary>
/// One action object of a <c>simulate</c> operation's <c>actions</c> input (<c>defi-math.md</c> §0.1, §4.1, §5.1): its
/// <c>type</c> and its other fields, each a base-10 string.
/// </summary>
internal sealed record SimulationAction(string CaseId, int Position, string Type, ImmutableSortedDictionary<string, string> Fields)
{
    /// <summary>Reads the <paramref name="name"/> input of <paramref name="vector"/> as an array of action objects.</summary>
    public static ImmutableArray<SimulationAction> ReadAll(VectorCase vector, string name = "actions")
    {
        var text = vector.Text(name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new VectorFileException($"{vector.Id}: input '{name}' is not JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new VectorFileException($"{vector.Id}: input '{name}' must be an array of objects");
            var actions = ImmutableArray.CreateBuilder<SimulationAction>();
            int index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    throw new VectorFileException($"{vector.Id}: {name}[{index}] must be an object");
                var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                        throw new VectorFileException($"{vector.Id}: {name}[{index}].{property.Name} must be a string");
                    fields[property.Name] = property.Value.GetString()!;
                }

                if (!fields.TryGetValue("type", out var type))
                    throw new VectorFileException($"{vector.Id}: {name}[{index}] has no 'type'");
                actions.Add(new SimulationAction(vector.Id, index++, type, fields.ToImmutable()));
            }

            return actions.ToImmutable();
        }
    }

    /// <summary>An unsigned integer field.</summary>
    public BigInteger Uint(string name)
    {
        var text = Fields.TryGetValue(name, out var t) ? t : throw Bad($"has no '{name}'");
        if (text.Length == 0 || !BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Bad($"field '{name}' = '{text}' is not an unsigned integer");
        return value;
    }

    /// <summary>A boolean field ("0" or "1").</summary>
    public bool Flag(string name) => (Fields.TryGetValue(name, out var t) ? t : throw Bad($"has no '{name}'")) switch
    {
        "0" => false,
        "1" => true,
        var other => throw Bad($"field '{name}' = '{other}' is not \"0\" or \"1\""),
    };

    /// <summary>An index field that must be below <paramref name="count"/> (an account of the simulation).</summary>
    public int Index(string name, int count)
    {
        var value = Uint(name);
        if (value >= count) throw Bad($"field '{name}' = {value} is out of range (there are {count})");
        return (int)value;
    }

    /// <summary>The error for an action type the family does not know.</summary>
    public VectorFileException UnknownType() => Bad($"has unknown type '{Type}'");

    private VectorFileException Bad(string what) => new($"{CaseId}: actions[{Position}] ({Type}) {what}");
}
