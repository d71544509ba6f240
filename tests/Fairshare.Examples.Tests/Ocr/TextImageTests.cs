using Fairshare.Examples.Ocr.Imaging;
using SkiaSharp;

namespace Fairshare.Examples.Tests.Ocr;

public sealed class TextImageTests
{
    [Fact]
    public void Render_PrintsBlackOnWhite_CroppedToTheInk()
    {
        var image = TextImage.Render("FAIRSHARE 2026");
        Assert.InRange(image.Height, 40, 64);
        Assert.InRange(image.Width, 6 * image.Height, 9 * image.Height);

        // The margin is white all round; somewhere inside the ink is black.
        for (int x = 0; x < image.Width; x++)
        {
            Assert.Equal((255, 255, 255), image[x, 0]);
            Assert.Equal((255, 255, 255), image[x, image.Height - 1]);
        }

        for (int y = 0; y < image.Height; y++)
        {
            Assert.Equal((255, 255, 255), image[0, y]);
            Assert.Equal((255, 255, 255), image[image.Width - 1, y]);
        }

        var pixels = image.Rgb.ToArray();
        Assert.Contains((byte)0, pixels);
        Assert.True(pixels.Chunk(3).All(p => p[0] == p[1] && p[1] == p[2]), "grey levels only");
    }

    [Fact]
    public void Render_GrowsWithTheFontSize()
    {
        var small = TextImage.Render("Hello", fontSize: 20, margin: 0);
        var large = TextImage.Render("Hello", fontSize: 40, margin: 0);
        Assert.InRange(large.Height, 2 * small.Height - 2, 2 * small.Height + 2);
        Assert.Equal(small.Height + 10, TextImage.Render("Hello", fontSize: 20, margin: 5).Height);
    }

    [Fact]
    public void AMissingFont_SaysToRunSetup()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TextImage.Render("x", fontPath: "/nonexistent/DejaVuSans.ttf"));
        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/DejaVuSans.ttf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    public void Render_RefusesWhatIsNotOneLineOfInk(string text)
    {
        Assert.ThrowsAny<ArgumentException>(() => TextImage.Render(text));
    }

    [Fact]
    public void ASavedPng_LoadsBack_PixelForPixel()
    {
        var image = TextImage.Render("Hello, world.");
        string path = Path.Combine(Path.GetTempPath(), $"ocr-{Guid.NewGuid():N}.png");
        try
        {
            image.SavePng(path);
            var loaded = TextImage.Load(path);
            Assert.Equal((image.Width, image.Height), (loaded.Width, loaded.Height));
            Assert.True(image.Rgb.SequenceEqual(loaded.Rgb));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AJpeg_LoadsWithItsSize_AndRoughlyItsPixels()
    {
        var image = TextImage.Render("JPEG 123");
        string path = Path.Combine(Path.GetTempPath(), $"ocr-{Guid.NewGuid():N}.jpg");
        try
        {
            using (var png = SKBitmap.Decode(image.EncodePng()))
            using (var jpeg = png.Encode(SKEncodedImageFormat.Jpeg, 95))
                File.WriteAllBytes(path, jpeg.ToArray());
            var loaded = TextImage.Load(path);
            Assert.Equal((image.Width, image.Height), (loaded.Width, loaded.Height));
            double meanError = image.Rgb.ToArray().Zip(loaded.Rgb.ToArray(), (a, b) => Math.Abs(a - b)).Average();
            Assert.InRange(meanError, 0, 4);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadingWhatIsNotAnImage_FailsClearly()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not an image");
            Assert.Throws<InvalidDataException>(() => TextImage.Load(path));
            Assert.Throws<FileNotFoundException>(() => TextImage.Load(path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
