using System.Collections.Immutable;
using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Fairshare.Cli.Output;

/// <summary>
/// <c>--log-level</c> and <c>--log-format</c> of a long-running command (<c>node start</c>, <c>provider start</c>):
/// which log events it writes on standard output, and as what (docs/logging.md). A value outside the lists is a usage
/// error (exit 2) that names the choices.
/// </summary>
public sealed class LogOptions
{
    /// <summary>The <c>--log-level</c> values, most verbose first.</summary>
    public static readonly ImmutableArray<string> LevelNames = ["trace", "debug", "information", "warning", "error"];

    /// <summary>The <c>--log-format</c> values.</summary>
    public static readonly ImmutableArray<string> FormatNames = ["text", "json"];

    private static readonly ImmutableArray<LogLevel> LevelValues = [LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error];

    /// <summary>Both options, each new (a command owns its options).</summary>
    public LogOptions()
    {
        Level = Choice("--log-level", "the least severe log events written", LevelNames, "information");
        Format = Choice("--log-format", "text: one line per event; json: one JSON object per line (Timestamp, EventId, LogLevel, Category, Message, State)", FormatNames, "text");
    }

    /// <summary><c>--log-level</c>.</summary>
    public Option<string> Level { get; }

    /// <summary><c>--log-format</c>.</summary>
    public Option<string> Format { get; }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Level);
        command.Add(Format);
    }

    /// <summary>What the command line chose (the parser has checked both values).</summary>
    public LogSettings Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new LogSettings(LevelValues[LevelNames.IndexOf(parsed.GetValue(Level)!)], parsed.GetValue(Format) == "json");
    }

    private static Option<string> Choice(string name, string description, ImmutableArray<string> choices, string fallback)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => fallback,
        };
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (value is not null && !choices.Contains(value))
                result.AddError($"{name} '{value}' is not one of {string.Join(", ", choices)}");
        });
        option.CompletionSources.Add(choices.ToArray());
        return option;
    }
}
