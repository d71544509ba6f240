using System.CommandLine;
using Fairshare.Examples.Ocr.Decoding;
using Fairshare.Examples.Ocr.Tensors;

namespace Fairshare.Examples.Ocr.Commands;

/// <summary><c>decode output.npy</c>: reads the recognizer's output (e.g. from <c>fairshare job result</c>) and prints the text.</summary>
internal static class DecodeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("output") { Description = "the model's output [N, T, 6625] as float32 .npy" };
        var keys = new Option<string?>("--keys") { Description = "the character list (default: ppocr_keys_v1.txt from scripts/models.sh)" };
        var confidence = new Option<bool>("--confidence") { Description = "print each line's confidence after a tab" };
        var command = new Command("decode", "Decode the recognizer's output into text (greedy CTC), one line per image.")
        {
            file, keys, confidence,
        };
        command.SetAction(parsed => OcrApp.Guard(parsed, output =>
        {
            var decoder = CtcDecoder.Load(parsed.GetValue(keys) ?? ModelFiles.Find(ModelFiles.Characters));
            var results = decoder.Decode(FloatTensor.ReadNpy(parsed.GetValue(file)!));
            Print(output, results, parsed.GetValue(confidence));
            return OcrApp.Ok;
        }));
        return command;
    }

    /// <summary>Writes one line per result: the text, and with <paramref name="confidence"/> a tab and the confidence.</summary>
    public static void Print(TextWriter output, IEnumerable<CtcResult> results, bool confidence)
    {
        foreach (var result in results)
            output.WriteLine(confidence ? $"{result.Text}\t{result.Confidence:F4}" : result.Text);
    }
}
