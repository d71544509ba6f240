using System.CommandLine;
using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Preprocessing;

namespace Fairshare.Examples.Ocr.Commands;

/// <summary><c>render TEXT --out text.png [--npy text.npy]</c>: prints a line of text into a PNG and, optionally, the model's input.</summary>
internal static class RenderCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "the line to print, e.g. \"FAIRSHARE 2026\"" };
        var png = new Option<string>("--out") { Description = "the PNG to write", DefaultValueFactory = _ => "text.png" };
        var npy = new Option<string?>("--npy") { Description = "also write the recognizer's input tensor [1, 3, 48, W] here (.npy)" };
        var font = new Option<string>("--font") { Description = "the font file", DefaultValueFactory = _ => TextImage.DefaultFontPath };
        var size = new Option<float>("--font-size") { Description = "the text size in pixels", DefaultValueFactory = _ => TextImage.DefaultFontSize };
        var minWidth = new Option<int>("--min-width") { Description = "pad the tensor to at least this width (0: no padding)", DefaultValueFactory = _ => OcrPreprocess.DefaultMinWidth };
        var command = new Command("render", "Print a line of text in black on white (DejaVu Sans) and make the recognizer's input from it.")
        {
            text, png, npy, font, size, minWidth,
        };
        command.SetAction(parsed => OcrApp.Guard(parsed, output =>
        {
            var image = TextImage.Render(parsed.GetValue(text)!, parsed.GetValue(size), fontPath: parsed.GetValue(font));
            string pngPath = parsed.GetValue(png)!;
            image.SavePng(pngPath);
            output.WriteLine($"wrote {pngPath}: {image.Width} x {image.Height} px");
            if (parsed.GetValue(npy) is { } npyPath)
            {
                int min = parsed.GetValue(minWidth);
                var tensor = OcrPreprocess.ToTensor(image, min);
                tensor.WriteNpy(npyPath);
                output.WriteLine($"wrote {npyPath}: float32 {tensor.ShapeText} (the line resized to {OcrPreprocess.ResizedWidth(image.Width, image.Height, min)} x {OcrPreprocess.Height})");
            }

            return OcrApp.Ok;
        }));
        return command;
    }
}
