using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;
using Microsoft.Extensions.Logging;

namespace Fairshare.Node.Cluster;

/// <summary>
/// The Raft ledger service's log messages, source-generated (<c>[LoggerMessage]</c>). Event ids are numbered by
/// project (Fairshare.Compute's are in the 2100s); Fairshare.Node uses 3000–3099: 3000–3009 the leader loop,
/// 3010–3019 applying committed entries, 3020–3029 Raft snapshots, 3030–3039 members and peers, 3040–3049 refusals,
/// 3050–3059 the blob quota (Blobs/BlobLogMessages), 3090–3099 stopping. An id is not reused for another message.
/// The list with every project's ranges: docs/logging.md.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "leading from height {Height} in term {Term}")]
    internal static partial void LogLeading(this ILogger logger, ulong height, long term);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug,
        Message = "idle at height {Height}: no block is due; the next comes with a transaction, or after {IdleMs} ms")]
    internal static partial void LogIdle(this ILogger logger, ulong height, long idleMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "stopped leading")]
    internal static partial void LogStoppedLeading(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "block {Height} was not committed; state rebuilt from the store, its transactions queued again")]
    internal static partial void LogBlockGivenUp(this ILogger logger, ulong height);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "the leader is now {Leader} ({LeaderApi}) in term {Term}")]
    internal static partial void LogLeaderChanged(this ILogger logger, string leader, string? leaderApi, long term);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "no leader in term {Term}: an election is under way")]
    internal static partial void LogNoLeader(this ILogger logger, long term);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "a committed log entry is not a block; skipped")]
    internal static partial void LogEntryNotABlock(this ILogger logger);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Critical,
        Message = "committed block {Height} does not apply here ({Code}); this member cannot follow the chain")]
    internal static partial void LogCommittedBlockDoesNotApply(this ILogger logger, ulong height, ResultCode code);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information,
        Message = "block {Height} committed: {Transactions} transaction(s), proposer {Proposer}, hash {BlockHash}")]
    internal static partial void LogBlockCommitted(this ILogger logger, ulong height, int transactions, PublicKey proposer, Hash32 blockHash);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "block {Height} committed: empty, proposer {Proposer}, hash {BlockHash}")]
    internal static partial void LogEmptyBlockCommitted(this ILogger logger, ulong height, PublicKey proposer, Hash32 blockHash);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Error, Message = "a Raft snapshot does not decode as this chain's state; ignored")]
    internal static partial void LogSnapshotDoesNotDecode(this ILogger logger);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "installed a snapshot of the state at height {Height}")]
    internal static partial void LogSnapshotInstalled(this ILogger logger, ulong height);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "cluster member {Raft} ({Api}): {Member}")]
    internal static partial void LogMember(this ILogger logger, string raft, string api, string member);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "peer {Raft} ({Api}) is reachable")]
    internal static partial void LogPeerAvailable(this ILogger logger, string raft, string? api);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "peer {Raft} ({Api}) is unreachable")]
    internal static partial void LogPeerUnavailable(this ILogger logger, string raft, string? api);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Warning,
        Message = "refused a submission of {Count} transaction(s): the mempool is full ({Pending} pending)")]
    internal static partial void LogMempoolFull(this ILogger logger, int count, int pending);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Debug, Message = "refused {Count} of {Submitted} submitted transaction(s): bad signature")]
    internal static partial void LogBadSignatures(this ILogger logger, int count, int submitted);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Debug, Message = "transaction {TxId} from {Sender} left out of block {Height}: {Code}")]
    internal static partial void LogTransactionRefused(this ILogger logger, Hash32 txId, Address sender, ulong height, ResultCode code);

    [LoggerMessage(EventId = 3090, Level = LogLevel.Warning, Message = "the Raft member did not stop cleanly")]
    internal static partial void LogUncleanStop(this ILogger logger, Exception exception);
}
