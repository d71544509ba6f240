using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Preprocessing;
using Fairshare.Examples.Ocr.Tensors;

namespace Fairshare.Examples.Tests.Ocr;

public sealed class OcrPreprocessTests
{
    private const int H = OcrPreprocess.Height;

    private static RgbImage Filled(int width, int height, byte red, byte green, byte blue)
    {
        var rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (red, green, blue);
        return new RgbImage(width, height, rgb);
    }

    private static float At(FloatTensor tensor, int channel, int y, int x) =>
        tensor.Values[(channel * H + y) * tensor.Shape[3] + x];

    [Theory]
    [InlineData(100, 50, 96, 320)]    // 48 × 2 = 96, padded to PaddleOCR's 320
    [InlineData(700, 48, 700, 700)]   // already 48 high: nothing to resize, wider than 320
    [InlineData(1000, 100, 480, 480)] // 48 × 10
    [InlineData(349, 46, 364, 364)]   // 48 × 7.587 = 364.17: the tensor takes the floor (364), the line is squeezed into it
    [InlineData(10, 480, 1, 320)]     // 48 × 0.02 = 0.96 → ceil 1
    public void TheWidth_FollowsTheAspectRatio(int width, int height, int resized, int tensorWidth)
    {
        Assert.Equal(resized, OcrPreprocess.ResizedWidth(width, height));
        Assert.Equal(tensorWidth, OcrPreprocess.TensorWidth(width, height));
        Assert.Equal([1, 3, H, tensorWidth], OcrPreprocess.ToTensor(Filled(width, height, 255, 255, 255)).Shape);
    }

    [Fact]
    public void MinWidthZero_KeepsTheComputedWidth()
    {
        Assert.Equal(96, OcrPreprocess.TensorWidth(100, 50, minWidth: 0));
        Assert.Equal(96, OcrPreprocess.ResizedWidth(100, 50, minWidth: 0));
        Assert.Equal([1, 3, H, 96], OcrPreprocess.ToTensor(Filled(100, 50, 0, 0, 0), minWidth: 0).Shape);
    }

    [Fact]
    public void White_IsOne_BlackMinusOne_AndThePaddingZero()
    {
        var white = OcrPreprocess.ToTensor(Filled(20, H, 255, 255, 255));
        var black = OcrPreprocess.ToTensor(Filled(20, H, 0, 0, 0));
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < H; y++)
            {
                Assert.Equal(1f, At(white, c, y, 0));
                Assert.Equal(1f, At(white, c, y, 19));
                Assert.Equal(0f, At(white, c, y, 20));
                Assert.Equal(0f, At(white, c, y, 319));
                Assert.Equal(-1f, At(black, c, y, 19));
                Assert.Equal(0f, At(black, c, y, 20));
            }
        }
    }

    [Fact]
    public void Channels_AreBlueGreenRed()
    {
        var red = OcrPreprocess.ToTensor(Filled(4, H, 255, 0, 0));
        Assert.Equal(-1f, At(red, 0, 5, 1)); // blue
        Assert.Equal(-1f, At(red, 1, 5, 1)); // green
        Assert.Equal(1f, At(red, 2, 5, 1));  // red

        // x / 255, then (x − 0.5) / 0.5, in float32 as numpy does
        var mixed = OcrPreprocess.ToTensor(Filled(4, H, 10, 128, 250));
        Assert.Equal((250 / 255f - 0.5f) / 0.5f, At(mixed, 0, 0, 0));
        Assert.Equal((128 / 255f - 0.5f) / 0.5f, At(mixed, 1, 0, 0));
        Assert.Equal((10 / 255f - 0.5f) / 0.5f, At(mixed, 2, 0, 0));
    }

    [Fact]
    public void TheLayout_IsNchwRowMajor()
    {
        // 3 × 48: column 0 white, column 1 black, column 2 white; row 7 of column 2 pure blue.
        var rgb = new byte[3 * H * 3];
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x < 3; x++)
            {
                byte v = x == 1 ? (byte)0 : (byte)255;
                int i = (y * 3 + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = y == 7 && x == 2 ? ((byte)0, (byte)0, (byte)255) : (v, v, v);
            }
        }

        var tensor = OcrPreprocess.ToTensor(new RgbImage(3, H, rgb), minWidth: 0);
        Assert.Equal([1, 3, H, 3], tensor.Shape);
        Assert.Equal([1f, -1f, 1f], tensor.Values[..3]);                        // blue, row 0
        Assert.Equal([1f, -1f, 1f], tensor.Values[(3 * H)..(3 * H + 3)]);      // green, row 0
        Assert.Equal(1f, tensor.Values[0 * H * 3 + 7 * 3 + 2]);                 // blue of (2, 7)
        Assert.Equal(-1f, tensor.Values[1 * H * 3 + 7 * 3 + 2]);                // green of (2, 7)
        Assert.Equal(-1f, tensor.Values[2 * H * 3 + 7 * 3 + 2]);                // red of (2, 7)
    }

    [Fact]
    public void Resizing_IsBilinear_WithPixelCentresAligned()
    {
        // 4 × 1 → 2 × 1: output pixel 0 samples x = (0 + 0.5) · 2 − 0.5 = 0.5, halfway between 0 and 255 → 127.5 → 128;
        // output pixel 1 samples x = 2.5, halfway between 0 and 255 again. (cv2.resize gives [128, 128] too.)
        var row = new RgbImage(4, 1, [0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255]);
        var half = OcrPreprocess.Resize(row, 2, 1);
        Assert.Equal((128, 128, 128), half[0, 0]);
        Assert.Equal((128, 128, 128), half[1, 0]);

        // 2 × 1 → 4 × 1: x = −0.25 clamps to 0; 0.25 → 0.75·0 + 0.25·200 = 50; 0.75 → 150; 1.25 clamps to 1.
        var wide = OcrPreprocess.Resize(new RgbImage(2, 1, [0, 0, 0, 200, 200, 200]), 4, 1);
        Assert.Equal([0, 50, 150, 200], Enumerable.Range(0, 4).Select(x => (int)wide[x, 0].Red));
    }

    [Fact]
    public void ResizingToTheSameSize_ChangesNothing()
    {
        var image = Filled(5, H, 1, 2, 3);
        Assert.Same(image, OcrPreprocess.Resize(image, 5, H));
    }
}
