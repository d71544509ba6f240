using System.Globalization;
using System.Numerics;

namespace Fairshare.Conformance;

/// <summary>Reads a vector's inputs as the spec encodes them: base-10 integers, "0"/"1" booleans, comma-joined arrays.</summary>
public static class VectorInputs
{
    /// <summary>An unsigned integer input (no sign, no leading zeros except "0").</summary>
    public static BigInteger Uint(this VectorCase vector, string name)
    {
        var text = Text(vector, name);
        if (text.Length == 0 || text[0] == '-' || text[0] == '+' || !BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw new VectorFileException($"{vector.Id}: input '{name}' = '{text}' is not an unsigned integer");
        return value;
    }

    /// <summary>A signed integer input.</summary>
    public static BigInteger Int(this VectorCase vector, string name)
    {
        var text = Text(vector, name);
        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || text.StartsWith('+'))
            throw new VectorFileException($"{vector.Id}: input '{name}' = '{text}' is not an integer");
        return value;
    }

    /// <summary>A boolean input ("0" or "1").</summary>
    public static bool Flag(this VectorCase vector, string name) => Text(vector, name) switch
    {
        "0" => false,
        "1" => true,
        var other => throw new VectorFileException($"{vector.Id}: input '{name}' = '{other}' is not \"0\" or \"1\""),
    };

    /// <summary>An array of unsigned integers.</summary>
    public static BigInteger[] Uints(this VectorCase vector, string name)
    {
        var text = Text(vector, name);
        if (text.Length == 0) return [];
        return text.Split(',').Select(part =>
            BigInteger.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new VectorFileException($"{vector.Id}: input '{name}' holds '{part}', not an unsigned integer")).ToArray();
    }

    /// <summary>An input kept as raw text (JSON for nested objects, e.g. simulate actions).</summary>
    public static string Text(this VectorCase vector, string name) =>
        vector.Inputs.TryGetValue(name, out var text) ? text : throw new VectorFileException($"{vector.Id}: input '{name}' is missing");

    /// <summary>True when the input is present.</summary>
    public static bool Has(this VectorCase vector, string name) => vector.Inputs.ContainsKey(name);

    /// <summary>Formats an output integer.</summary>
    public static string Out(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an output array (comma-joined, as the runner flattens expected arrays).</summary>
    public static string Out(IEnumerable<BigInteger> values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Formats a boolean output.</summary>
    public static string Out(bool value) => value ? "1" : "0";
}
