using System.Text.Json;
using Fairshare.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Fairshare.Cli.Output;

/// <summary>
/// How a long-running process logs (<see cref="LogOptions"/>): to standard output, from <paramref name="Level"/> up,
/// one line per event: the simple console formatter's single line, or with <paramref name="Json"/> the JSON console
/// formatter's object (UTC timestamps either way). One factory serves the whole process: the node's Raft service,
/// its HTTP API and ASP.NET Core, the provider's sandbox, and the CLI's own events (<see cref="CliLog"/>).
/// </summary>
/// <param name="Level">The least severe event written.</param>
/// <param name="Json">One JSON object per line instead of text.</param>
public sealed record LogSettings(LogLevel Level, bool Json)
{
    /// <summary>The timestamp of every line: UTC, to the millisecond, ISO 8601.</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";

    /// <summary>A new logger factory (dispose it to flush what is queued).</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(Configure);

    /// <summary>
    /// The providers and filters: <see cref="Level"/> for every category, except DotNext's Raft internals (only
    /// errors unless the level is debug or trace: the ledger logs its own leader, peer and block events) and those
    /// <see cref="NodeApi.AddLogFilters"/> names.
    /// </summary>
    public void Configure(ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Json)
        {
            builder.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = TimestampFormat.TrimEnd();
                o.IncludeScopes = false;
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = TimestampFormat;
                o.ColorBehavior = LoggerColorBehavior.Default;
            });
        }

        builder.SetMinimumLevel(Level);
        builder.AddFilter("DotNext", Level <= LogLevel.Debug ? Level : LogLevel.Error);
        NodeApi.AddLogFilters(builder, Level);
    }
}
