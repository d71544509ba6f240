// RaftLedgerService: the leader loop (proposing blocks from the mempool, replicating them, giving up and settling).
using DotNext.Net.Cluster.Consensus.Raft;
using Fairshare.Core.Modules;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    private async Task LeadWhileElectedAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            CancellationToken leadership;
            try
            {
                leadership = await _cluster!.WaitForLeadershipAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or QuorumUnreachableException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await LeadAsync(leadership, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // leadership lost or stopping
            }
            catch (Exception e) when (e is QuorumUnreachableException or NotLeaderException or ObjectDisposedException or InvalidOperationException)
            {
                _log.LogStoppedLeading(e);
            }
            finally
            {
                _mempool.Clear();
            }
        }
    }

    private async Task LeadAsync(CancellationToken leadership, CancellationToken stop)
    {
        var cluster = _cluster!;
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(leadership, stop);
        var token = leading.Token;
        using (var barrier = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            barrier.CancelAfter(_options.ReplicationTimeout);
            await cluster.ApplyReadBarrierAsync(barrier.Token).ConfigureAwait(false);
        }

        _log.LogLeading(Head.Height, cluster.Term);
        var clock = _options.Clock;
        long lastBlock = clock.GetTimestamp();
        while (!token.IsCancellationRequested)
        {
            var remaining = _options.BlockTime - clock.GetElapsedTime(lastBlock);
            if (remaining > TimeSpan.Zero) await _mempool.WaitForAsync(_options.MaxBlockTransactions, remaining, clock, token).ConfigureAwait(false);
            var batch = _mempool.Take(_options.MaxBlockTransactions);
            if (batch.Count == 0 && await IdleAsync(lastBlock, token).ConfigureAwait(false)) continue;
            lastBlock = clock.GetTimestamp();
            await ProposeAsync(batch, token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// With <see cref="RaftLedgerOptions.SkipEmptyBlocks"/>, an empty block is left out while nothing on the ledger waits
    /// for the height (<see cref="BlockSchedule"/>) and <see cref="RaftLedgerOptions.IdleBlockInterval"/> has not passed
    /// since the last block: then this waits for the first transaction (which goes into the next block at once) or the
    /// interval's end, and returns true. False when the empty block is to be made now. The rule is asked once per
    /// block: the state cannot change while no block is made.
    /// </summary>
    private async Task<bool> IdleAsync(long lastBlock, CancellationToken token)
    {
        if (!_options.SkipEmptyBlocks) return false;
        var clock = _options.Clock;
        var idleLeft = _options.IdleBlockInterval - clock.GetElapsedTime(lastBlock);
        if (idleLeft <= TimeSpan.Zero || Read(BlockSchedule.EmptyBlockDue)) return false;
        _log.LogIdle(Head.Height, (long)_options.IdleBlockInterval.TotalMilliseconds);
        await _mempool.WaitForAsync(1, idleLeft, clock, token).ConfigureAwait(false);
        return true;
    }

    private async Task ProposeAsync(List<MempoolEntry> batch, CancellationToken token)
    {
        var (proposal, encoded) = await _worker.RunAsync(() => Propose(batch)).ConfigureAwait(false);

        bool stored;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(_options.ReplicationTimeout);
            await _cluster!.ReplicateAsync(new ReadOnlyMemory<byte>(encoded), null, timeout.Token).ConfigureAwait(false);
            stored = await proposal.Stored.Task.WaitAsync(StoreWait, _options.Clock, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or NotLeaderException or QuorumUnreachableException or InvalidOperationException)
        {
            stored = false;
        }

        if (!stored)
        {
            await _worker.RunAsync(() => GiveUp(proposal)).ConfigureAwait(false);
            _mempool.Requeue(batch);
            token.ThrowIfCancellationRequested();
            return;
        }

        Settle(proposal);
    }

    private (Proposal Proposal, byte[] Encoded) Propose(List<MempoolEntry> batch)
    {
        Proposal proposal;
        _gate.EnterWrite(yieldToReaders: true);
        try
        {
            if (_node.State.Head.Height != _storedHeight) _node.Reload();
            var produced = _node.Propose([.. batch.Select(e => e.Transaction)], allowEmpty: true);
            _proposal = proposal = new Proposal(produced, batch);
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: _proposal is not null);
        }

        return (proposal, proposal.Block.Encode());
    }

    private bool GiveUp(Proposal proposal)
    {
        _gate.EnterWrite(yieldToReaders: false);
        try
        {
            if (ReferenceEquals(_proposal, proposal))
            {
                _proposal = null;
                _node.Reload();
                // Stopping gives up the block in flight as a matter of course: nothing worth a warning.
                if (Volatile.Read(ref _disposed) == 0) _log.LogBlockGivenUp(proposal.Block.Header.Height);
            }
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: false);
        }

        proposal.Stored.TrySetResult(false);
        return true;
    }

    private void Settle(Proposal proposal)
    {
        var entries = proposal.Batch.ToDictionary(e => e.Transaction.Id);
        var deferred = new List<MempoolEntry>();
        foreach (var rejected in proposal.Produced.Rejected)
        {
            var id = rejected.Transaction.Id;
            if (!entries.TryGetValue(id, out var entry)) continue;
            if (rejected.Code == ResultCode.NonceGap && entry.Deferrals++ < NonceGapDeferrals)
            {
                deferred.Add(entry);
            }
            else
            {
                _log.LogTransactionRefused(id, rejected.Transaction.Sender, proposal.Block.Header.Height, rejected.Code);
                _mempool.Complete(id, CommittedOutcome(id) ?? new SubmittedTransaction(id, rejected.Code, null, []));
            }
        }

        _mempool.Requeue(deferred);
    }
}
