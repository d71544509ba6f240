using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Preprocessing;
using Fairshare.Testing;

namespace Fairshare.Examples.Tests.Ocr;

/// <summary>The whole path with the real model: render, preprocess, run PP-OCRv4 recognition, decode, compare exactly.</summary>
public sealed class RecognitionTests(RecognizerFixture model) : IClassFixture<RecognizerFixture>
{
    [Theory]
    [InlineData("FAIRSHARE 2026")]
    [InlineData("Hello, world.")]
    [InlineData("The quick brown fox jumps over the lazy dog")]
    public void TheModel_ReadsTheRenderedLine_Exactly(string text)
    {
        var tensor = OcrPreprocess.ToTensor(TextImage.Render(text));
        var output = model.Recognizer.Run(tensor);

        Assert.Equal([1, tensor.Shape[3] / 8, 6625], output.Shape);
        var result = Assert.Single(model.Decoder.Decode(output));
        Assert.Equal(text, result.Text);
        Assert.InRange(result.Confidence, 0.95f, 1f);
    }

    [Theory]
    [InlineData("FAIRSHARE 2026")]
    [InlineData("Hello, world.")]
    public void WithoutPadding_ItReadsTheSame(string text)
    {
        var tensor = OcrPreprocess.ToTensor(TextImage.Render(text), minWidth: 0);
        Assert.Equal(text, Assert.Single(model.Decoder.Decode(model.Recognizer.Run(tensor))).Text);
    }

    [Fact]
    public void TheShippedSample_ReadsFAIRSHARE2026()
    {
        string sample = Path.Combine(RealModels.RepositoryRoot, "examples", "Fairshare.Examples.Ocr", "samples", "fairshare-2026.png");
        var tensor = OcrPreprocess.ToTensor(TextImage.Load(sample));
        Assert.Equal([1, 3, 48, 364], tensor.Shape);
        Assert.Equal("FAIRSHARE 2026", Assert.Single(model.Decoder.Decode(model.Recognizer.Run(tensor))).Text);
    }

    [Fact]
    public void EachOutputRow_IsAProbabilityDistribution()
    {
        var output = model.Recognizer.Run(OcrPreprocess.ToTensor(TextImage.Render("ABC-123")));
        int classes = output.Shape[2];
        for (int t = 0; t < output.Shape[1]; t++)
            Assert.Equal(1.0, output.Values.AsSpan(t * classes, classes).ToArray().Sum(v => (double)v), 1e-4);
    }
}
