using System.CommandLine;
using Fairshare.Examples.Ocr.Commands;

namespace Fairshare.Examples.Ocr;

/// <summary>The example's command line: <c>render</c>, <c>decode</c>, <c>local</c> and <c>network</c> (see README.md).</summary>
public static class OcrApp
{
    /// <summary>The exit code of a command that did its work.</summary>
    public const int Ok = 0;

    /// <summary>The exit code of a command that failed: a missing file, an unreadable image or tensor.</summary>
    public const int Failed = 1;

    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int Usage = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command, writing to the two writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("The Fairshare OCR example: PP-OCRv4 text recognition, from an image to a tensor and from the model's output to text.")
        {
            RenderCommand.Create(),
            DecodeCommand.Create(),
            LocalCommand.Create(),
            NetworkCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"error: {string.Join("; ", parsed.Errors.Select(e => e.Message.TrimEnd('.')).Distinct())} (see --help)");
            return Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Runs a command body; a failure the person can fix (a missing or malformed file) becomes one error line.</summary>
    internal static int Guard(ParseResult parsed, Func<TextWriter, int> body)
    {
        var error = parsed.InvocationConfiguration.Error;
        try
        {
            return body(parsed.InvocationConfiguration.Output);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException or InvalidOperationException or IOException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }
}
