using System.Buffers;
using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;

namespace Fairshare.Node.Cluster;

/// <summary>
/// The Raft state machine of a member: each log entry is one encoded block, handed to the service to apply and store;
/// a Raft snapshot is the state's canonical snapshot encoding at a committed height (taken by the service while it
/// applied that height, so the snapshot matches its log index).
/// </summary>
internal sealed class LedgerStateMachine(DirectoryInfo location, RaftLedgerService service) : SimpleStateMachine(location)
{
    protected override async ValueTask<bool> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        if (entry.IsConfiguration || entry.Length is 0) return false;
        byte[] payload = entry.TryGetPayload(out ReadOnlySequence<byte> sequence)
            ? sequence.ToArray()
            : await entry.ToByteArrayAsync(token: token).ConfigureAwait(false);
        return payload.Length != 0 && await service.ApplyCommittedAsync(payload, entry.IsSnapshot).ConfigureAwait(false);
    }

    protected override ValueTask PersistAsync(IAsyncBinaryWriter writer, CancellationToken token) =>
        writer.Invoke(service.SnapshotForRaft(), token);

    protected override async ValueTask RestoreAsync(FileInfo snapshotFile, CancellationToken token)
    {
        var bytes = await File.ReadAllBytesAsync(snapshotFile.FullName, token).ConfigureAwait(false);
        service.RestoreSnapshot(bytes);
    }
}
