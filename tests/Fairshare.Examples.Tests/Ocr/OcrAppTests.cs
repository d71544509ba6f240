using Fairshare.Examples.Ocr;
using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Preprocessing;
using Fairshare.Examples.Ocr.Tensors;
using Fairshare.Testing;

namespace Fairshare.Examples.Tests.Ocr;

/// <summary>The console program, run in process as a person would run it: render, then local, then decode.</summary>
public sealed class OcrAppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-app-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = OcrApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void RenderThenLocalThenDecode_ReadTheTextBack()
    {
        var render = Run("render", "FAIRSHARE 2026", "--out", PathOf("text.png"), "--npy", PathOf("text.npy"));
        Assert.Equal(
            $"wrote {PathOf("text.png")}: 349 x 46 px\nwrote {PathOf("text.npy")}: float32 [1, 3, 48, 364] (the line resized to 364 x 48)\n",
            render.Output);
        Assert.Equal(OcrApp.Ok, render.Code);

        var fromImage = Run("local", "--model", RealModels.Recognition, "--image", PathOf("text.png"));
        Assert.Equal((OcrApp.Ok, "FAIRSHARE 2026\n", ""), fromImage);

        var fromTensor = Run("local", "--input", PathOf("text.npy"), "--save-output", PathOf("output.npy"), "--keys", RealModels.Characters);
        Assert.Equal((OcrApp.Ok, "FAIRSHARE 2026\n", ""), fromTensor);

        var decoded = Run("decode", PathOf("output.npy"), "--confidence");
        Assert.Equal(OcrApp.Ok, decoded.Code);
        Assert.StartsWith("FAIRSHARE 2026\t0.99", decoded.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProgramAndTheLibrary_MakeTheSameInput()
    {
        Run("render", "Hello, world.", "--out", PathOf("a.png"), "--npy", PathOf("a.npy"));
        var expected = OcrPreprocess.ToTensor(TextImage.Load(PathOf("a.png")));
        var written = FloatTensor.ReadNpy(PathOf("a.npy"));
        Assert.Equal(expected.Shape, written.Shape);
        Assert.Equal(expected.Values, written.Values);
    }

    [Fact]
    public void Local_WantsExactlyOneInput()
    {
        Assert.Equal(OcrApp.Usage, Run("local").Code);
        var both = Run("local", "--image", "a.png", "--input", "a.npy");
        Assert.Equal(OcrApp.Usage, both.Code);
        Assert.Contains("exactly one of --image and --input", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsOneErrorLine()
    {
        var result = Run("decode", PathOf("nothing.npy"));
        Assert.Equal(OcrApp.Failed, result.Code);
        Assert.Equal($"error: no .npy file at {PathOf("nothing.npy")}\n", result.Error);
    }
}
