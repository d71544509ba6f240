using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Remote;

/// <summary>
/// An agent's transactions between signing and the chain's answer. Agents decide from the committed state alone, so
/// they ask again for what they already sent until the state shows it; the outbox drops those repeats while the first
/// copy is in flight, and gives each new transaction the next nonce after the ones in flight. A transaction leaves the
/// outbox when the state shows its nonce used, when the node refuses it, or when it is still unanswered long after it
/// was sent. After a refusal (which leaves a gap: the later nonces in flight fail too) the outbox sends nothing until
/// every transaction in flight has its answer, then starts again from the state's nonce. Thread-safe.
/// </summary>
internal sealed class AgentOutbox(KeyPair key)
{
    /// <summary>Blocks after which an unanswered or pending transaction is given up (and the nonce resynced).</summary>
    public const ulong StaleAfterBlocks = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byPayload = [];
    private readonly Dictionary<Hash32, string> _payloadOf = [];
    private ulong _next;
    private bool _resync;

    /// <summary>Transactions in the outbox now.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate) return _byPayload.Count;
        }
    }

    /// <summary>Signs the payloads not already in flight, with consecutive nonces; empty while a resync waits.</summary>
    public IReadOnlyList<SignedTransaction> Sign(LedgerState state, IReadOnlyList<TxPayload> payloads)
    {
        lock (_gate)
        {
            ulong stateNonce = state.Find(key.Address)?.Nonce ?? 0;
            ulong height = state.Head.Height;
            foreach (var (payload, entry) in _byPayload.ToList())
            {
                bool used = entry.Nonce < stateNonce;
                bool stale = !used && height > entry.SentAtHeight + StaleAfterBlocks;
                if (!used && !stale) continue;
                Remove(payload);
                _resync |= stale;
            }

            if (_resync)
            {
                if (_byPayload.Count > 0) return [];
                _resync = false;
            }

            _next = _byPayload.Count == 0 ? stateNonce : Math.Max(_next, stateNonce);
            var signed = new List<SignedTransaction>();
            foreach (var payload in payloads)
            {
                var id = PayloadKey(payload);
                if (_byPayload.ContainsKey(id)) continue;
                var tx = SignedTransaction.Sign(new Transaction(state.ChainId, _next++, state.Params.MinFee, payload), key);
                _byPayload[id] = new Entry(tx.Id, tx.Body.Nonce, height);
                _payloadOf[tx.Id] = id;
                signed.Add(tx);
            }

            return signed;
        }
    }

    /// <summary>Records the node's answers; returns the transactions it refused, with their codes.</summary>
    public IReadOnlyList<(SignedTransaction Tx, ResultCode Code)> Complete(IReadOnlyList<SignedTransaction> sent, IReadOnlyList<SubmittedTransaction> outcomes)
    {
        var refused = new List<(SignedTransaction, ResultCode)>();
        lock (_gate)
        {
            for (int i = 0; i < sent.Count; i++)
            {
                if (i >= outcomes.Count)
                {
                    Forget(sent[i].Id); // no answer for it: treat as not taken
                    continue;
                }

                if (outcomes[i].Code == ResultCode.Ok || outcomes[i].IsPending) continue;
                refused.Add((sent[i], outcomes[i].Code));
                Forget(sent[i].Id);
            }
        }

        return refused;
    }

    /// <summary>The node did not take the batch (or its answer was lost): forget it and resync the nonce.</summary>
    public void Fail(IReadOnlyList<SignedTransaction> sent)
    {
        lock (_gate)
        {
            foreach (var tx in sent) Forget(tx.Id);
        }
    }

    private void Forget(Hash32 txId)
    {
        if (!_payloadOf.TryGetValue(txId, out var payload)) return;
        Remove(payload);
        _resync = true;
    }

    private void Remove(string payload)
    {
        if (_byPayload.Remove(payload, out var entry)) _payloadOf.Remove(entry.TxId);
    }

    private static string PayloadKey(TxPayload payload)
    {
        var writer = new CanonicalWriter(64);
        payload.Encode(writer);
        return Convert.ToHexString(writer.WrittenSpan);
    }

    private sealed record Entry(Hash32 TxId, ulong Nonce, ulong SentAtHeight);
}
