using Microsoft.Extensions.Logging;

namespace Fairshare.Cli.Output;

/// <summary>
/// The CLI's own log events, source-generated (<c>[LoggerMessage]</c>), numbered 5000–5099: 5000–5019 the node
/// process, 5020–5039 the provider process (docs/logging.md lists every project's range). An id is not reused for
/// another message.
/// </summary>
public static partial class CliLog
{
    /// <summary>The category of the node process's own events.</summary>
    public const string NodeCategory = "Fairshare.Cli.Node";

    /// <summary>The category of the provider process's events.</summary>
    public const string ProviderCategory = "Fairshare.Cli.Provider";

    /// <summary>The node is serving: what <c>node start --json</c> prints, as an event.</summary>
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "node started: chain {ChainId} at height {Height}, validator {Validator}, api {Api}, raft {Raft}, {Members} member(s), index {Index}")]
    public static partial void NodeStarted(this ILogger logger, string chainId, ulong height, string validator, string api, string raft, int members, string index);

    /// <summary>The node stopped cleanly.</summary>
    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "node stopped at height {Height}")]
    public static partial void NodeStopped(this ILogger logger, ulong height);

    /// <summary>A stop (Ctrl+C, SIGTERM) came while the node was starting: it stopped cleanly before serving.</summary>
    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "node stopped while starting")]
    public static partial void NodeStoppedWhileStarting(this ILogger logger);

    /// <summary>The provider agent is running.</summary>
    [LoggerMessage(EventId = 5020, Level = LogLevel.Information,
        Message = "provider {Provider} ({Address}) on {Node}, {Profile}, {WorkUnitsPerSecond} work units/s at {Price} FSH per work unit; jobs run {Sandbox}; offer {Device}, \"{Hardware}\"")]
    public static partial void ProviderStarted(this ILogger logger, string provider, string address, string node, string profile, ulong workUnitsPerSecond,
        string price, string sandbox, string device, string hardware);

    /// <summary>One line of what the provider agent did (a job run, committed, revealed; a node unreachable; a refused transaction).</summary>
    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "{Activity}")]
    public static partial void ProviderActivity(this ILogger logger, string activity);

    /// <summary>The provider agent stopped cleanly.</summary>
    [LoggerMessage(EventId = 5022, Level = LogLevel.Information,
        Message = "provider stopped at height {Height}: {JobsHandled} job(s) handled, {JobsRun} run ({JobFaults} job faults), {Failures} failed to run")]
    public static partial void ProviderStopped(this ILogger logger, ulong height, int jobsHandled, long jobsRun, long jobFaults, long failures);
}
