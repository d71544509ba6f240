// RaftLedgerService: admission of submitted transactions (signature checks, mempool, committed outcomes).
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    /// <summary>
    /// Submissions of at most this many transactions are verified on a thread of their own, so a person's transfer
    /// never waits behind someone's batch of thousands (bad signatures included).
    /// </summary>
    internal const int SmallSubmission = 64;

    /// <inheritdoc/>
    public async Task<SubmitResult> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, TimeSpan waitTimeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (!IsLeader) return new SubmitResult(SubmitStatus.NotLeader, []);
        if (!_mempool.HasRoomFor(transactions.Count))
        {
            _log.LogMempoolFull(transactions.Count, _mempool.Count);
            return new SubmitResult(SubmitStatus.Busy, []);
        }

        // The wait for commitment counts from arrival, verification included.
        long arrived = _options.Clock.GetTimestamp();
        var lane = transactions.Count <= SmallSubmission ? _quickVerifier : _verifier;
        var valid = await lane.RunAsync(() => _verified.Verify(transactions)).ConfigureAwait(false);
        int forged = valid.Count(v => !v);
        if (forged > 0) _log.LogBadSignatures(forged, transactions.Count);
        var outcomes = new Task<SubmittedTransaction>[transactions.Count];
        for (int i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i];
            outcomes[i] = !valid[i] ? Task.FromResult(new SubmittedTransaction(tx.Id, ResultCode.BadSignature, null, []))
                : CommittedOutcome(tx.Id) is { } committed ? Task.FromResult(committed)
                : _mempool.TryAdd(tx).Outcome.Task;
        }

        var left = waitTimeout - _options.Clock.GetElapsedTime(arrived);
        if (wait && left > TimeSpan.Zero)
        {
            try
            {
                await Task.WhenAll(outcomes).WaitAsync(left, _options.Clock, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // the rest are still pending
            }
        }

        return new SubmitResult(SubmitStatus.Accepted, [.. outcomes.Select((o, i) => o.IsCompletedSuccessfully ? o.Result : Mempool.Pending(transactions[i].Id))]);
    }

    /// <summary>
    /// The lying leader's test hook: puts <paramref name="transaction"/> in the mempool without checking its signature,
    /// so this member, when it leads, proposes a block with a forged transaction. Tests only: the followers must refuse
    /// that block.
    /// </summary>
    internal void AdmitWithoutCheckingForTests(SignedTransaction transaction) => _mempool.TryAdd(transaction);

    private SubmittedTransaction? CommittedOutcome(Hash32 id)
    {
        if (_recent.HeightOf(id) is { } height)
        {
            var receipt = _node.ReadReceipts(height).FirstOrDefault(r => r.TxId == id);
            if (receipt is not null) return new SubmittedTransaction(id, receipt.Code, height, receipt.Events);
        }

        return _options.Index?.FindTransaction(id) is { } indexed
            ? new SubmittedTransaction(id, indexed.Receipt.Code, indexed.Height, indexed.Receipt.Events)
            : null;
    }
}
