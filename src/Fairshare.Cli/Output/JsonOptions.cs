using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fairshare.Cli.Output;

/// <summary>Shared JSON writer options.</summary>
public static class JsonOptions
{
    /// <summary>
    /// Indented output, with text as people write it: apostrophes, quotes in prose and non-ASCII characters stay as
    /// they are (JSON allows them; the default encoder's <c>\u0027</c> escapes are for HTML pages, not a terminal).
    /// </summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
