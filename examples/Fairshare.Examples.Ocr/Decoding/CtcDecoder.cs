using System.Collections.Immutable;
using System.Text;
using Fairshare.Examples.Ocr.Tensors;

namespace Fairshare.Examples.Ocr.Decoding;

/// <summary>
/// Greedy CTC decoding of the recognizer's output, as PaddleOCR's <c>CTCLabelDecode</c> does it
/// (<c>ppocr/postprocess/rec_postprocess.py</c> in PaddlePaddle/PaddleOCR). The output <c>[N, T, C]</c> holds, for each
/// of N lines and each of T time steps (one per 8 input columns), a probability for each of C classes:
/// <list type="bullet">
/// <item>class 0 is the CTC blank, "no character here";</item>
/// <item>class i, 1 ≤ i ≤ C − 2, is line i of the character list (<c>ppocr_keys_v1.txt</c>: 6623 lines);</item>
/// <item>the last class, C − 1, is a space (PaddleOCR's <c>use_space_char=True</c>), so C = 6623 + 2 = 6625.</item>
/// </list>
/// For each time step take the most probable class (the first, on a tie, like <c>numpy.argmax</c>); drop a step whose
/// class equals the previous step's (collapse repeats); drop the blanks; the rest, in order, spell the text. A letter
/// that really is doubled ("ll") comes out as two runs separated by a blank.
/// </summary>
public sealed class CtcDecoder
{
    /// <summary>The CTC blank's class.</summary>
    public const int Blank = 0;

    private readonly ImmutableArray<string> _classes;

    /// <summary>A decoder for classes <c>blank, characters[0], …, characters[^1], " "</c>.</summary>
    /// <param name="characters">The character of class 1, 2, …, in order (usually one character each).</param>
    public CtcDecoder(IEnumerable<string> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        _classes = ["", .. characters, " "];
    }

    /// <summary>The number of classes C the model's output must have: the characters, the blank and the space.</summary>
    public int ClassCount => _classes.Length;

    /// <summary>
    /// Reads a character list such as <c>ppocr_keys_v1.txt</c> as PaddleOCR does: UTF-8, one entry per line, the line
    /// break (<c>\n</c> or <c>\r\n</c>) removed and nothing else, so a line holding a space would be a space.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static CtcDecoder Load(string charactersPath)
    {
        if (!File.Exists(charactersPath))
            throw new FileNotFoundException($"no character list at {charactersPath}: run 'bash scripts/models.sh' for ppocr_keys_v1.txt", charactersPath);
        string content = File.ReadAllText(charactersPath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        var lines = content.Split('\n').Select(line => line.EndsWith('\r') ? line[..^1] : line).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);   // the file's final newline
        return new CtcDecoder(lines);
    }

    /// <summary>The text of class <paramref name="index"/>: "" for the blank, " " for the last class.</summary>
    public string CharacterOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ClassCount);
        return _classes[index];
    }

    /// <summary>Decodes every line of an output tensor <c>[N, T, C]</c> (or <c>[T, C]</c>, one line).</summary>
    /// <exception cref="ArgumentException">The tensor is not of rank 2 or 3, or its last dimension is not <see cref="ClassCount"/>.</exception>
    public IReadOnlyList<CtcResult> Decode(FloatTensor output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Shape.Count is not (2 or 3))
            throw new ArgumentException($"the recognizer's output is [N, T, C]; this tensor is {output.ShapeText}", nameof(output));
        int classes = output.Shape[^1];
        if (classes != ClassCount)
            throw new ArgumentException($"the output has {classes} classes but the character list makes {ClassCount} (blank + {ClassCount - 2} characters + space): is it the right list for this model?", nameof(output));
        int steps = output.Shape[^2];
        int lines = output.Shape.Count == 3 ? output.Shape[0] : 1;
        var results = new CtcResult[lines];
        for (int n = 0; n < lines; n++) results[n] = DecodeLine(output.Values.AsSpan(n * steps * classes, steps * classes));
        return results;
    }

    /// <summary>Decodes one line: <paramref name="probabilities"/> is <c>[T, C]</c>, row-major, C = <see cref="ClassCount"/>.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="ClassCount"/>.</exception>
    public CtcResult DecodeLine(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length % ClassCount != 0)
            throw new ArgumentException($"{probabilities.Length} values are not whole time steps of {ClassCount} classes", nameof(probabilities));
        var text = new StringBuilder();
        double keptProbability = 0;
        int kept = 0;
        int previous = -1;
        for (int step = 0; step < probabilities.Length / ClassCount; step++)
        {
            var row = probabilities.Slice(step * ClassCount, ClassCount);
            int best = 0;
            for (int c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best]) best = c;
            }

            if (best != Blank && best != previous)
            {
                text.Append(_classes[best]);
                keptProbability += row[best];
                kept++;
            }

            previous = best;
        }

        return new CtcResult(text.ToString(), kept == 0 ? 0f : (float)(keptProbability / kept));
    }
}
