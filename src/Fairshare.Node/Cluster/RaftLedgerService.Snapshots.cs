// RaftLedgerService: Raft snapshots (the state encoding handed to Raft, and installing a newer one).
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    /// <summary>The state encoding of the newest Raft snapshot (taken while applying its height).</summary>
    internal byte[] SnapshotForRaft() => _raftSnapshot.Length != 0 ? _raftSnapshot : EncodedState();

    /// <summary>Adopts a Raft snapshot when it is newer than this member's stored chain (a member that fell far behind).</summary>
    internal void RestoreSnapshot(byte[] bytes)
    {
        if (StateSnapshot.TryDecode(bytes, out var state) != ResultCode.Ok || state!.ChainId != Genesis.ChainId)
        {
            _log.LogSnapshotDoesNotDecode();
            return;
        }

        Proposal? discarded;
        _gate.EnterWrite(yieldToReaders: false);
        try
        {
            if (state.Head.Height <= _storedHeight) return;
            discarded = _proposal;
            _proposal = null;
            _node.Install(state, bytes);
            Volatile.Write(ref _storedHeight, state.Head.Height);
            Volatile.Write(ref _head, state.Head);
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: false);
        }

        discarded?.Stored.TrySetResult(false);
        _log.LogSnapshotInstalled(state.Head.Height);
    }
}
