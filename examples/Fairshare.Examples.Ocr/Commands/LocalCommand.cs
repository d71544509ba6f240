using System.CommandLine;
using Fairshare.Examples.Ocr.Decoding;
using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Inference;
using Fairshare.Examples.Ocr.Preprocessing;
using Fairshare.Examples.Ocr.Tensors;

namespace Fairshare.Examples.Ocr.Commands;

/// <summary>
/// <c>local --image text.png</c> (or <c>--input text.npy</c>): runs the recognizer here with ONNX Runtime, one thread, and
/// prints the text, the baseline a job on the network is compared with.
/// </summary>
internal static class LocalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "the recognition model (default: ch_PP-OCRv4_rec_infer.onnx from scripts/models.sh)" };
        var image = new Option<string?>("--image") { Description = "a PNG or JPEG of one line of text" };
        var input = new Option<string?>("--input") { Description = "or the input tensor [1, 3, 48, W] as .npy (what 'render --npy' writes)" };
        var keys = new Option<string?>("--keys") { Description = "the character list (default: ppocr_keys_v1.txt next to the default model)" };
        var minWidth = new Option<int>("--min-width") { Description = "with --image: pad the tensor to at least this width (0: no padding)", DefaultValueFactory = _ => OcrPreprocess.DefaultMinWidth };
        var save = new Option<string?>("--save-output") { Description = "also write the model's raw output here (.npy), for 'decode'" };
        var confidence = new Option<bool>("--confidence") { Description = "print the confidence after a tab" };
        var command = new Command("local", "Run the recognition model on this machine (ONNX Runtime, CPU, one thread) and print the text.")
        {
            model, image, input, keys, minWidth, save, confidence,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(image) is null) == (result.GetValue(input) is null)) result.AddError("give exactly one of --image and --input");
        });
        command.SetAction(parsed => OcrApp.Guard(parsed, output =>
        {
            var tensor = parsed.GetValue(image) is { } imagePath
                ? OcrPreprocess.ToTensor(TextImage.Load(imagePath), parsed.GetValue(minWidth))
                : FloatTensor.ReadNpy(parsed.GetValue(input)!);
            var decoder = CtcDecoder.Load(parsed.GetValue(keys) ?? ModelFiles.Find(ModelFiles.Characters));
            using var recognizer = new OnnxRecognizer(parsed.GetValue(model) ?? ModelFiles.Find(ModelFiles.Recognition));
            var result = recognizer.Run(tensor);
            if (parsed.GetValue(save) is { } savePath) result.WriteNpy(savePath);
            DecodeCommand.Print(output, decoder.Decode(result), parsed.GetValue(confidence));
            return OcrApp.Ok;
        }));
        return command;
    }
}
