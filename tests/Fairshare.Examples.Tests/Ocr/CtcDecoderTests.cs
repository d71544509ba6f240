using Fairshare.Examples.Ocr.Decoding;
using Fairshare.Examples.Ocr.Tensors;
using Fairshare.Testing;

namespace Fairshare.Examples.Tests.Ocr;

/// <summary>
/// Greedy CTC decoding on hand-made probabilities over a three-letter alphabet: class 0 blank, 1 "a", 2 "b", 3 "c",
/// 4 space. The expected strings are worked out by hand in each test's comment.
/// </summary>
public sealed class CtcDecoderTests
{
    private const int A = 1, B = 2, C = 3, Space = 4, Blank = CtcDecoder.Blank;
    private static readonly CtcDecoder Decoder = new(["a", "b", "c"]);

    /// <summary>One time step per entry: the class that wins, with probability 0.9 (the rest spread evenly).</summary>
    private static float[] Steps(params int[] winners) => Steps(winners.Select(w => (w, 0.9f)).ToArray());

    private static float[] Steps(params (int Class, float Probability)[] winners)
    {
        int classes = Decoder.ClassCount;
        var values = new float[winners.Length * classes];
        for (int t = 0; t < winners.Length; t++)
        {
            var (winner, p) = winners[t];
            for (int c = 0; c < classes; c++) values[t * classes + c] = c == winner ? p : (1 - p) / (classes - 1);
        }

        return values;
    }

    [Fact]
    public void Classes_AreBlank_ThenTheCharacters_ThenASpace()
    {
        Assert.Equal(5, Decoder.ClassCount);
        Assert.Equal(["", "a", "b", "c", " "], Enumerable.Range(0, 5).Select(Decoder.CharacterOf));
    }

    [Fact]
    public void Repeats_Collapse()
    {
        // a a b b b → runs "a", "b"
        Assert.Equal("ab", Decoder.DecodeLine(Steps(A, A, B, B, B)).Text);
    }

    [Fact]
    public void ABlankBetweenRepeats_KeepsBoth()
    {
        // a ∅ a → "a", then a new run of "a" after the blank
        Assert.Equal("aa", Decoder.DecodeLine(Steps(A, Blank, A)).Text);
        // ∅ c c ∅ ∅ c ∅ → "c", "c"
        Assert.Equal("cc", Decoder.DecodeLine(Steps(Blank, C, C, Blank, Blank, C, Blank)).Text);
    }

    [Fact]
    public void Blanks_AreDropped_WhereverTheyAre()
    {
        // ∅ ∅ a ∅ b b ∅ c ∅ → "abc"
        Assert.Equal("abc", Decoder.DecodeLine(Steps(Blank, Blank, A, Blank, B, B, Blank, C, Blank)).Text);
    }

    [Fact]
    public void TheLastClass_IsASpace_AndCollapsesLikeAnyCharacter()
    {
        // a ␣ ␣ b → "a b"; ␣ a → " a" (nothing is trimmed, as in PaddleOCR); a ␣ ∅ ␣ b → "a  b"
        Assert.Equal("a b", Decoder.DecodeLine(Steps(A, Space, Space, B)).Text);
        Assert.Equal(" a", Decoder.DecodeLine(Steps(Space, A)).Text);
        Assert.Equal("a  b", Decoder.DecodeLine(Steps(A, Space, Blank, Space, B)).Text);
    }

    [Fact]
    public void OnlyBlanks_ReadAsEmpty_WithConfidenceZero()
    {
        Assert.Equal(new CtcResult("", 0f), Decoder.DecodeLine(Steps(Blank, Blank, Blank)));
        Assert.Equal(new CtcResult("", 0f), Decoder.DecodeLine([]));
    }

    [Fact]
    public void Confidence_IsTheMeanWinningProbabilityOfTheKeptSteps()
    {
        // a 0.9 (kept), a 0.6 (repeat, dropped), ∅ 0.8 (blank, dropped), b 0.7 (kept) → "ab", (0.9 + 0.7) / 2 = 0.8
        var result = Decoder.DecodeLine(Steps((A, 0.9f), (A, 0.6f), (Blank, 0.8f), (B, 0.7f)));
        Assert.Equal("ab", result.Text);
        Assert.Equal(0.8f, result.Confidence, 1e-6f);
    }

    [Fact]
    public void ATie_GoesToTheLowerClass_LikeNumpyArgmax()
    {
        // step 1: blank and "a" tie at 0.4 → blank; step 2: "b" and "c" tie at 0.4 → "b"
        float[] values =
        [
            0.4f, 0.4f, 0.1f, 0.05f, 0.05f,
            0.1f, 0.05f, 0.4f, 0.4f, 0.05f,
        ];
        Assert.Equal("b", Decoder.DecodeLine(values).Text);
    }

    [Fact]
    public void Decode_ReadsEveryLineOfABatch()
    {
        float[] first = Steps(A, A, Blank, C);      // → "ac"
        float[] second = Steps(B, Space, B, Blank); // → "b b"
        var output = new FloatTensor([2, 4, Decoder.ClassCount], [.. first, .. second]);
        Assert.Equal(["ac", "b b"], Decoder.Decode(output).Select(r => r.Text));
        Assert.Equal(["ac"], Decoder.Decode(new FloatTensor([4, Decoder.ClassCount], first)).Select(r => r.Text));
    }

    [Fact]
    public void AnOutputWithAnotherClassCount_IsRefused()
    {
        var output = new FloatTensor([1, 2, 6], new float[12]);
        var error = Assert.Throws<ArgumentException>(() => Decoder.Decode(output));
        Assert.Contains("6 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_RemovesOnlyLineBreaks()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a\r\nb\n \nc\n");
            var decoder = CtcDecoder.Load(path);
            Assert.Equal(["", "a", "b", " ", "c", " "], Enumerable.Range(0, decoder.ClassCount).Select(decoder.CharacterOf));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheRealList_MakesTheModels6625Classes()
    {
        var decoder = CtcDecoder.Load(RealModels.Characters);
        string[] lines = File.ReadAllText(RealModels.Characters).Split('\n');
        Assert.Equal(6623, lines.Length);                   // no newline after the last line
        Assert.Equal(6625, decoder.ClassCount);
        Assert.Equal("'", decoder.CharacterOf(1));          // line 1
        Assert.Equal("A", decoder.CharacterOf(1221));       // line 1221
        Assert.Equal(lines[^1], decoder.CharacterOf(6623)); // the last line
        Assert.Equal(" ", decoder.CharacterOf(6624));       // use_space_char
    }
}
