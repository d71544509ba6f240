using System.Globalization;
using Fairshare.Compute.Tensors;

namespace Fairshare.Compute.Formats;

/// <summary>
/// What a <c>.npy</c> header says, and its strict parser: a Python dict literal with exactly the keys <c>descr</c> (a
/// string), <c>fortran_order</c> (<c>True</c> or <c>False</c>) and <c>shape</c> (a tuple of non-negative integers,
/// <c>()</c> for a scalar, a trailing comma for one dimension), in any order, optionally followed by a comma, then only
/// whitespace.
/// </summary>
/// <param name="Type">The element type the dtype maps to.</param>
/// <param name="BigEndian">True when the elements are stored big-endian.</param>
/// <param name="Fortran">True when the elements are stored column-major.</param>
/// <param name="Shape">The dimensions.</param>
internal readonly record struct NpyHeader(TensorElementType Type, bool BigEndian, bool Fortran, long[] Shape)
{
    private static readonly Dictionary<string, TensorElementType> Dtypes = new(StringComparer.Ordinal)
    {
        ["f2"] = TensorElementType.Float16,
        ["f4"] = TensorElementType.Float32,
        ["f8"] = TensorElementType.Float64,
        ["i1"] = TensorElementType.Int8,
        ["i2"] = TensorElementType.Int16,
        ["i4"] = TensorElementType.Int32,
        ["i8"] = TensorElementType.Int64,
        ["u1"] = TensorElementType.UInt8,
        ["u2"] = TensorElementType.UInt16,
        ["u4"] = TensorElementType.UInt32,
        ["u8"] = TensorElementType.UInt64,
        ["b1"] = TensorElementType.Bool,
    };

    /// <summary>Parses a header's text (the dict and its padding).</summary>
    public static ComputeResult<NpyHeader> Parse(string text)
    {
        var parser = new Parser(text);
        return parser.Parse();
    }

    /// <summary>The element type and byte order of a dtype string such as <c>&lt;f4</c>, or why it is refused.</summary>
    private static ComputeResult<NpyHeader> FromDescr(string descr, bool fortran, long[] shape)
    {
        char order = descr.Length > 0 && "<>|=".Contains(descr[0], StringComparison.Ordinal) ? descr[0] : '\0';
        string code = order == '\0' ? descr : descr[1..];
        if (code.StartsWith('O')) return Fail(ComputeError.NpyObjectArray, $"dtype '{descr}' holds Python objects, which only pickle can read");
        if (code.Length > 0 && "SaU".Contains(code[0], StringComparison.Ordinal))
            return Fail(ComputeError.NpyStringDtype, $"dtype '{descr}' holds strings; a tensor holds numbers");
        if (order == '\0' || !Dtypes.TryGetValue(code, out var type) || (order == '|' && TensorData.ElementSize(type) > 1))
        {
            return Fail(ComputeError.NpyUnsupportedDtype,
                $"dtype '{descr}' is not supported; supported: {NpyFormat.SupportedDtypes} (also with '>' big-endian or '=' native byte order)");
        }

        return ComputeResult<NpyHeader>.Ok(new NpyHeader(type, order == '>' && TensorData.ElementSize(type) > 1, fortran, shape));
    }

    private static ComputeResult<NpyHeader> Fail(ComputeError error, string message) => ComputeResult<NpyHeader>.Fail(error, message);

    /// <summary>A cursor over the header text; every method reports the first thing that is not what numpy writes.</summary>
    private sealed class Parser(string text)
    {
        private int _at;

        public ComputeResult<NpyHeader> Parse()
        {
            string? descr = null;
            bool? fortran = null;
            long[]? shape = null;
            SkipSpace();
            if (!Take('{')) return Malformed("the header does not start with '{'");
            SkipSpace();
            while (!Take('}'))
            {
                if (!TryString(out string key)) return Malformed($"expected a quoted key at {_at}");
                SkipSpace();
                if (!Take(':')) return Malformed($"expected ':' after '{key}'");
                SkipSpace();
                switch (key)
                {
                    case "descr" when descr is null:
                        if (Peek() == '[') return Fail(ComputeError.NpyStructuredDtype, "the dtype is structured (a list of fields); a tensor has one element type");
                        if (!TryString(out string value)) return Malformed("descr is not a quoted string");
                        descr = value;
                        break;
                    case "fortran_order" when fortran is null:
                        if (TakeWord("True")) fortran = true;
                        else if (TakeWord("False")) fortran = false;
                        else return Malformed("fortran_order is not True or False");
                        break;
                    case "shape" when shape is null:
                        shape = Tuple(out var problem);
                        if (shape is null) return problem;
                        break;
                    default:
                        return Malformed($"unexpected or repeated key '{key}' (the keys are descr, fortran_order and shape)");
                }

                SkipSpace();
                if (Take(',')) SkipSpace();
                else if (Peek() != '}') return Malformed($"expected ',' or '}}' at {_at}");
            }

            SkipSpace();
            if (_at != text.Length) return Malformed($"text follows the dict at {_at}");
            if (descr is null || fortran is null || shape is null)
            {
                var missing = new[] { ("descr", descr is null), ("fortran_order", fortran is null), ("shape", shape is null) };
                return Malformed("missing key " + string.Join(", ", missing.Where(m => m.Item2).Select(m => m.Item1)));
            }

            return FromDescr(descr, fortran.Value, shape);
        }

        /// <summary>A tuple of integers; null with the problem when it is not one.</summary>
        private long[]? Tuple(out ComputeResult<NpyHeader> problem)
        {
            problem = default;
            if (!Take('('))
            {
                problem = Malformed("shape is not a tuple");
                return null;
            }

            var dims = new List<long>();
            bool trailingComma = false;
            SkipSpace();
            while (!Take(')'))
            {
                int start = _at;
                while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
                var digits = text.AsSpan(start, _at - start);
                if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0'))
                {
                    problem = Malformed($"shape holds something other than a non-negative integer at {start}");
                    return null;
                }

                if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long dim))
                {
                    problem = Fail(ComputeError.NpySizeOverflow, $"dimension {digits} does not fit a 64-bit integer");
                    return null;
                }

                dims.Add(dim);
                SkipSpace();
                trailingComma = Take(',');
                SkipSpace();
                if (!trailingComma && Peek() != ')')
                {
                    problem = Malformed($"expected ',' or ')' in shape at {_at}");
                    return null;
                }
            }

            if (dims.Count == 1 && !trailingComma)
            {
                problem = Malformed("shape (n) is a number, not a tuple: one dimension is written (n,)");
                return null;
            }

            return [.. dims];
        }

        private bool TryString(out string value)
        {
            value = "";
            char quote = Peek();
            if (quote is not ('\'' or '"')) return false;
            int end = text.IndexOf(quote, _at + 1);
            if (end < 0) return false;
            var content = text.AsSpan(_at + 1, end - _at - 1);
            if (content.ContainsAny('\\', '\n', '\r')) return false;
            value = content.ToString();
            _at = end + 1;
            return true;
        }

        private bool TakeWord(string word)
        {
            if (!text.AsSpan(_at).StartsWith(word, StringComparison.Ordinal)) return false;
            int after = _at + word.Length;
            if (after < text.Length && (char.IsAsciiLetterOrDigit(text[after]) || text[after] == '_')) return false;
            _at = after;
            return true;
        }

        private bool Take(char c)
        {
            if (Peek() != c) return false;
            _at++;
            return true;
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void SkipSpace()
        {
            while (_at < text.Length && text[_at] is ' ' or '\t' or '\n' or '\r') _at++;
        }

        private static ComputeResult<NpyHeader> Malformed(string message) => Fail(ComputeError.NpyMalformedHeader, message);
    }
}
