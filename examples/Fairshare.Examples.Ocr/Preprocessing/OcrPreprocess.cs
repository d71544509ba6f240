using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Tensors;

namespace Fairshare.Examples.Ocr.Preprocessing;

/// <summary>
/// Turns an image of one line of text into the input tensor of PaddleOCR's PP-OCRv4 recognizer, exactly as PaddleOCR's
/// own inference code prepares a line (<c>TextRecognizer.resize_norm_img</c> in <c>tools/infer/predict_rec.py</c> of
/// PaddlePaddle/PaddleOCR, with its default <c>rec_image_shape</c> of <c>3,48,320</c>; <c>RecResizeImg</c> in
/// <c>ppocr/data/imaug/rec_img_aug.py</c> does the same when evaluating, through <c>resize_norm_img_chinese</c>):
/// <list type="number">
/// <item>Keep the aspect ratio: the line is resized to <see cref="Height"/> (48) pixels high and
/// <c>ceil(48 × w / h)</c> wide (<see cref="ResizedWidth"/>), with bilinear interpolation (<c>cv2.resize</c>'s default).</item>
/// <item>The tensor is <see cref="TensorWidth"/> wide: <c>max(320, floor(48 × w / h))</c>. A short line is padded on the
/// right with zeros (a mid-grey after step 4); a long one is squeezed into the floor instead of the ceiling, one pixel
/// narrower (PaddleOCR's quirk, kept). The model's width is dynamic, so any width works; 320 is only PaddleOCR's
/// minimum, and <c>minWidth: 0</c> turns the padding off.</item>
/// <item>Channels in the order the model was trained with: blue, green, red (PaddleOCR reads images with
/// <c>cv2.imread</c>, which gives BGR).</item>
/// <item>Scale each byte to [0, 1] (divide by 255), then normalise: <c>(x − 0.5) / 0.5</c>, so white is 1 and black −1.</item>
/// <item>Lay it out NCHW, float32, shape <c>[1, 3, 48, W]</c>: all of blue row by row, then green, then red.</item>
/// </list>
/// </summary>
public static class OcrPreprocess
{
    /// <summary>The height the recognizer was trained on.</summary>
    public const int Height = 48;

    /// <summary>The colour channels (blue, green, red).</summary>
    public const int Channels = 3;

    /// <summary>PaddleOCR's minimum tensor width (the 320 of <c>rec_image_shape</c> <c>3,48,320</c>).</summary>
    public const int DefaultMinWidth = 320;

    /// <summary>Step 1: the width an <paramref name="imageWidth"/> × <paramref name="imageHeight"/> line is resized to.</summary>
    public static int ResizedWidth(int imageWidth, int imageHeight, int minWidth = DefaultMinWidth)
    {
        double ratio = AspectRatio(imageWidth, imageHeight);
        return Math.Max(1, Math.Min((int)Math.Ceiling(Height * ratio), TensorWidth(imageWidth, imageHeight, minWidth)));
    }

    /// <summary>Step 2: the tensor's width W for an <paramref name="imageWidth"/> × <paramref name="imageHeight"/> line.</summary>
    public static int TensorWidth(int imageWidth, int imageHeight, int minWidth = DefaultMinWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minWidth);
        double ratio = AspectRatio(imageWidth, imageHeight);
        return Math.Max(1, Math.Max(minWidth, (int)(Height * ratio)));
    }

    /// <summary>Steps 1 to 5: the recognizer's input tensor <c>[1, 3, 48, W]</c> for <paramref name="image"/>.</summary>
    /// <param name="image">One line of text, roughly cropped to it.</param>
    /// <param name="minWidth">The narrowest tensor; shorter lines are padded to it. 0 keeps the computed width.</param>
    public static FloatTensor ToTensor(RgbImage image, int minWidth = DefaultMinWidth)
    {
        ArgumentNullException.ThrowIfNull(image);
        int resizedWidth = ResizedWidth(image.Width, image.Height, minWidth);
        int width = TensorWidth(image.Width, image.Height, minWidth);
        var resized = Resize(image, resizedWidth, Height);

        // Zeros everywhere first: the padding to the right of the resized line stays 0.
        var values = new float[Channels * Height * width];
        ReadOnlySpan<byte> rgb = resized.Rgb;
        for (int channel = 0; channel < Channels; channel++)
        {
            int source = 2 - channel;   // tensor channel 0 is blue (byte 2 of an RGB pixel), 2 is red
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < resizedWidth; x++)
                {
                    float value = rgb[(y * resizedWidth + x) * 3 + source] / 255f;
                    value -= 0.5f;
                    value /= 0.5f;
                    values[(channel * Height + y) * width + x] = value;
                }
            }
        }

        return new FloatTensor([1, Channels, Height, width], values);
    }

    /// <summary>
    /// Bilinear resizing with pixel centres aligned, as <c>cv2.resize</c> does by default (<c>INTER_LINEAR</c>): the
    /// output pixel <c>(x, y)</c> samples the input at <c>((x + 0.5) · w / W − 0.5, (y + 0.5) · h / H − 0.5)</c>, clamped
    /// to the edge, and is rounded back to a byte. OpenCV computes the same weights in 11-bit fixed point, so a few
    /// pixels may differ from it by one grey level, far less than changes what the model reads.
    /// </summary>
    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (width == image.Width && height == image.Height) return image;

        var columns = Taps(image.Width, width);
        var rows = Taps(image.Height, height);
        ReadOnlySpan<byte> source = image.Rgb;
        var output = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            var (top, bottom, fy) = rows[y];
            for (int x = 0; x < width; x++)
            {
                var (left, right, fx) = columns[x];
                for (int c = 0; c < 3; c++)
                {
                    float upper = (1 - fx) * source[(top * image.Width + left) * 3 + c] + fx * source[(top * image.Width + right) * 3 + c];
                    float lower = (1 - fx) * source[(bottom * image.Width + left) * 3 + c] + fx * source[(bottom * image.Width + right) * 3 + c];
                    float value = (1 - fy) * upper + fy * lower;
                    output[(y * width + x) * 3 + c] = (byte)Math.Clamp(MathF.Round(value, MidpointRounding.AwayFromZero), 0, 255);
                }
            }
        }

        return new RgbImage(width, height, output);
    }

    /// <summary>For each output index, the two input indices it blends and the weight of the second.</summary>
    private static (int First, int Second, float Weight)[] Taps(int inputSize, int outputSize)
    {
        var taps = new (int, int, float)[outputSize];
        float scale = (float)inputSize / outputSize;
        for (int i = 0; i < outputSize; i++)
        {
            float position = (i + 0.5f) * scale - 0.5f;
            int first = (int)MathF.Floor(position);
            float weight = position - first;
            if (first < 0) (first, weight) = (0, 0);
            if (first >= inputSize - 1) (first, weight) = (inputSize - 1, 0);
            taps[i] = (first, Math.Min(first + 1, inputSize - 1), weight);
        }

        return taps;
    }

    private static double AspectRatio(int imageWidth, int imageHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageHeight, 1);
        return imageWidth / (double)imageHeight;
    }
}
