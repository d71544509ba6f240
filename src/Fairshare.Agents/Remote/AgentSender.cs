using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Remote;

/// <summary>
/// Signs an agent's payloads through its <see cref="AgentOutbox"/> and sends each batch in the background (waiting
/// for commit there, not in the agent's loop). Refusals and lost batches are logged and resync the nonce.
/// </summary>
internal sealed class AgentSender(INodeGateway node, KeyPair key, Action<string> log)
{
    private readonly AgentOutbox _outbox = new(key);
    private readonly Lock _gate = new();
    private readonly List<Task> _inFlight = [];

    /// <summary>Called (on a background thread) for each transaction the node reports committed.</summary>
    public Action<SignedTransaction, SubmittedTransaction>? Committed { get; init; }

    /// <summary>Transactions sent and not yet settled.</summary>
    public int InFlight => _outbox.InFlight;

    /// <summary>Signs what is new and starts sending it; returns the transactions sent.</summary>
    public IReadOnlyList<SignedTransaction> Send(LedgerState state, IReadOnlyList<TxPayload> payloads, CancellationToken ct)
    {
        var batch = _outbox.Sign(state, payloads);
        if (batch.Count == 0) return batch;
        var task = SubmitAsync(batch, ct);
        lock (_gate)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(task);
        }

        return batch;
    }

    /// <summary>Waits for every batch in flight to have its answer (or to be cancelled).</summary>
    public Task DrainAsync()
    {
        lock (_gate) return Task.WhenAll(_inFlight);
    }

    private async Task SubmitAsync(IReadOnlyList<SignedTransaction> batch, CancellationToken ct)
    {
        try
        {
            var outcomes = await node.SubmitAsync(batch, wait: true, ct).ConfigureAwait(false);
            foreach (var (tx, code) in _outbox.Complete(batch, outcomes))
                log($"transaction {tx.Body.Payload.Kind} (nonce {tx.Body.Nonce}) refused: {code}; resyncing from the chain");
            for (int i = 0; i < Math.Min(batch.Count, outcomes.Count); i++)
            {
                if (outcomes[i].Code == Core.Primitives.ResultCode.Ok && !outcomes[i].IsPending) Committed?.Invoke(batch[i], outcomes[i]);
            }
        }
        catch (GatewayException e)
        {
            _outbox.Fail(batch);
            log($"could not send {batch.Count} transaction(s) ({e.Code}: {e.Message}); they will be sent again");
        }
        catch (OperationCanceledException)
        {
            _outbox.Fail(batch);
        }
    }
}
