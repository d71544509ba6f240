using SkiaSharp;

namespace Fairshare.Examples.Ocr.Imaging;

/// <summary>
/// Where the example's images come from: <see cref="Render"/> prints a line of text in black on white with DejaVu Sans,
/// so the repository makes its own data; <see cref="Load"/> reads a person's own PNG or JPEG.
/// </summary>
public static class TextImage
{
    /// <summary>Debian's DejaVu Sans (package <c>fonts-dejavu-core</c>, which <c>scripts/setup.sh</c> installs).</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The default text size in pixels: capitals come out about 29 px tall, the image about 45 px.</summary>
    public const float DefaultFontSize = 40;

    /// <summary>The default white border around the ink, in pixels.</summary>
    public const int DefaultMargin = 8;

    /// <summary>
    /// Draws <paramref name="text"/> (one line) in black on a white background and crops the image to the ink plus
    /// <paramref name="margin"/> pixels on every side, so the text fills the height the way a detector's crop would.
    /// </summary>
    /// <param name="text">The line to print; it must show some ink (not only spaces).</param>
    /// <param name="fontSize">The text size in pixels.</param>
    /// <param name="margin">The white border around the ink, in pixels.</param>
    /// <param name="fontPath">A TrueType or OpenType font file; <see cref="DefaultFontPath"/> when null.</param>
    /// <exception cref="FileNotFoundException">The font file is missing (run <c>scripts/setup.sh</c>).</exception>
    /// <exception cref="ArgumentException">The text is empty, spans several lines or draws no ink.</exception>
    public static RgbImage Render(string text, float fontSize = DefaultFontSize, int margin = DefaultMargin, string? fontPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Contains('\n') || text.Contains('\r')) throw new ArgumentException("the text must be one line", nameof(text));
        ArgumentOutOfRangeException.ThrowIfLessThan(fontSize, 4f);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        fontPath ??= DefaultFontPath;
        if (!File.Exists(fontPath))
            throw new FileNotFoundException($"the font {fontPath} is missing: run 'bash scripts/setup.sh' (it installs Debian's fonts-dejavu-core)", fontPath);

        using var typeface = SKTypeface.FromFile(fontPath)
            ?? throw new ArgumentException($"{fontPath} is not a font SkiaSharp can read", nameof(fontPath));
        using var font = new SKFont(typeface, fontSize) { Edging = SKFontEdging.Antialias, Subpixel = true };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };

        // The ink's bounding box, relative to the pen position on the baseline (its Top is negative: above the baseline).
        font.MeasureText(text, out SKRect ink, paint);
        if (ink.IsEmpty) throw new ArgumentException($"\"{text}\" draws no ink", nameof(text));
        int width = (int)Math.Ceiling(ink.Width) + 2 * margin;
        int height = (int)Math.Ceiling(ink.Height) + 2 * margin;

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawText(text, margin - ink.Left, margin - ink.Top, SKTextAlign.Left, font, paint);
        }

        return FromRgba(bitmap);
    }

    /// <summary>Reads a PNG or JPEG file (any format SkiaSharp decodes); transparent pixels are laid on white.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not an image SkiaSharp can decode.</exception>
    public static RgbImage Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no image at {path}", path);
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"{path} is not a PNG, JPEG or other image SkiaSharp can read");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"{path} could not be decoded ({result})");

        using var opaque = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(opaque))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(decoded, 0, 0);
        }

        return FromRgba(opaque);
    }

    private static RgbImage FromRgba(SKBitmap bitmap)
    {
        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgb[p] = rgba[q];
            rgb[p + 1] = rgba[q + 1];
            rgb[p + 2] = rgba[q + 2];
        }

        return new RgbImage(bitmap.Width, bitmap.Height, rgb);
    }
}
