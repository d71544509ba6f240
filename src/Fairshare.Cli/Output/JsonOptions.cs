using System.Text.Json;

namespace Fairshare.Cli.Output;

/// <summary>Shared JSON writer options.</summary>
public static class JsonOptions
{
    /// <summary>Indented output.</summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };
}
