// RaftLedgerService: applying committed log entries (blocks) in log order and storing them.
using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    /// <summary>
    /// Applies one committed log entry (an encoded block) on the worker thread and stores it; true when a Raft snapshot
    /// should be taken now. Called by the state machine, one entry at a time, in log order.
    /// </summary>
    internal Task<bool> ApplyCommittedAsync(byte[] payload, bool isSnapshot) => _worker.RunAsync(() => ApplyCommitted(payload, isSnapshot));

    private bool ApplyCommitted(byte[] payload, bool isSnapshot)
    {
        if (isSnapshot)
        {
            RestoreSnapshot(payload);
            return false;
        }

        if (Block.TryDecode(payload, out var block) != ResultCode.Ok)
        {
            _log.LogEntryNotABlock();
            return false;
        }

        var header = block!.Header;
        if (header.Height <= Volatile.Read(ref _storedHeight)) return false;
        var hash = header.Hash();
        Proposal? mine = null;
        Proposal? discarded = null;
        BlockSignature own;
        ImmutableArray<Receipt> receipts;
        bool snapshot = false;
        // Every transaction signature of a block this member did not propose is checked (those it has not checked
        // already, on both of its CPU workers) before the block is executed, outside the gate so reads go on: a leader
        // cannot commit a forged transaction. The proposal is only set and cleared on this worker thread.
        int forged = -1;
        if (_options.FollowersVerifyTransactionSignatures && _proposal?.Hash != hash) _verified.VerifyAll(block.Transactions, _verifier, out forged);
        _gate.EnterWrite(yieldToReaders: false);
        try
        {
            if (_proposal is { } proposal)
            {
                _proposal = null;
                if (proposal.Hash == hash)
                {
                    mine = proposal;
                }
                else
                {
                    discarded = proposal;
                    _node.Reload();
                }
            }

            if (mine is not null)
            {
                receipts = mine.Produced.Receipts;
            }
            else
            {
                if (_node.State.Head.Height != _storedHeight) _node.Reload();
                var applied = forged >= 0 ? new AppliedBlock(ResultCode.BadSignature, [], forged) : _node.Apply(block, SignatureChecks.BlockOnly);
                if (!applied.IsOk)
                {
                    _log.LogCommittedBlockDoesNotApply(header.Height, applied.Code);
                    return false;
                }

                receipts = applied.Receipts;
            }

            own = _node.Persist(block, receipts);
            Volatile.Write(ref _storedHeight, header.Height);
            Volatile.Write(ref _head, _node.State.Head);
            if (_options.SnapshotInterval != 0 && header.Height % _options.SnapshotInterval == 0)
            {
                _raftSnapshot = StateSnapshot.Encode(_node.State);
                _node.TakeSnapshot(_raftSnapshot);
                snapshot = true;
            }
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: false);
        }

        discarded?.Stored.TrySetResult(false);
        _recent.Add(header.Height, [.. block.Transactions.Select(t => t.Id)]);
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            var id = block.Transactions[i].Id;
            _mempool.Complete(id, new SubmittedTransaction(id, ResultCode.Ok, header.Height, receipts[i].Events));
        }

        mine?.Stored.TrySetResult(true);
        if (block.Transactions.IsEmpty) _log.LogEmptyBlockCommitted(header.Height, header.Proposer, hash);
        else _log.LogBlockCommitted(header.Height, block.Transactions.Length, header.Proposer, hash);
        _options.Index?.Index(block, receipts);
        BlockCommitted?.Invoke(this, new BlockCommittedEventArgs(block, receipts, own));
        return snapshot;
    }
}
