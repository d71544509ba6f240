using SkiaSharp;

namespace Fairshare.Examples.Ocr.Imaging;

/// <summary>
/// An 8-bit RGB image: <see cref="Width"/> × <see cref="Height"/> pixels, stored row by row from the top, three bytes
/// (red, green, blue) per pixel. Immutable: the constructor copies the bytes it is given.
/// </summary>
public sealed class RgbImage
{
    private readonly byte[] _rgb;

    /// <summary>Wraps a copy of <paramref name="rgb"/>, which holds <c>width × height × 3</c> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A width or height below 1.</exception>
    /// <exception cref="ArgumentException">The byte count does not match the size.</exception>
    public RgbImage(int width, int height, ReadOnlySpan<byte> rgb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (rgb.Length != (long)width * height * 3)
            throw new ArgumentException($"a {width} × {height} RGB image has {(long)width * height * 3} bytes, not {rgb.Length}", nameof(rgb));
        Width = width;
        Height = height;
        _rgb = rgb.ToArray();
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixels, row by row from the top; red, green, blue per pixel.</summary>
    public ReadOnlySpan<byte> Rgb => _rgb;

    /// <summary>The red, green and blue bytes of the pixel in column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public (byte Red, byte Green, byte Blue) this[int x, int y]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(x);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
            ArgumentOutOfRangeException.ThrowIfNegative(y);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
            int i = (y * Width + x) * 3;
            return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
    }

    /// <summary>The image as PNG bytes (opaque, 8 bits per channel).</summary>
    public byte[] EncodePng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Span<byte> rgba = bitmap.GetPixelSpan();
        for (int p = 0, q = 0; p < _rgb.Length; p += 3, q += 4)
        {
            rgba[q] = _rgb[p];
            rgba[q + 1] = _rgb[p + 1];
            rgba[q + 2] = _rgb[p + 2];
            rgba[q + 3] = 255;
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes the image to <paramref name="path"/> as a PNG file.</summary>
    public void SavePng(string path) => File.WriteAllBytes(path, EncodePng());
}
