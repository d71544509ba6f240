using Microsoft.Extensions.Logging;

namespace Fairshare.Node.Blobs;

/// <summary>
/// The blob quota's log messages, source-generated: Fairshare.Node's events 3050–3059 (the list with every project's
/// ranges: docs/logging.md). An id is not reused for another message.
/// </summary>
internal static partial class BlobLogMessages
{
    [LoggerMessage(EventId = 3050, Level = LogLevel.Information,
        Message = "evicted {Blobs} blob(s) of {Bytes} bytes that no job needs ({Reason}); the blob store holds {Used} bytes, quota {Quota} (0: none)")]
    internal static partial void LogEvicted(this ILogger logger, int blobs, long bytes, string reason, long used, long quota);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Warning,
        Message = "refused an upload of {Upload} bytes: the blob store holds {Used} of its {Quota} bytes and evicting every blob no job needs would not make room")]
    internal static partial void LogStoreFull(this ILogger logger, long upload, long used, long quota);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Error, Message = "the periodic blob eviction pass failed; the next one tries again")]
    internal static partial void LogPassFailed(this ILogger logger, Exception exception);
}
