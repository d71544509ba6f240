using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

/// <summary>
/// The ids of the transactions whose signatures this member has verified, at admission or in a block it applied, so
/// that no signature is checked twice on one member (a leader's own block, a transaction submitted again, a block
/// re-applied after a reload). An id is SHA-256 of the whole signed encoding, signature included, so a cached id
/// vouches for exactly those bytes. Bounded: past <see cref="Capacity"/> the oldest ids are forgotten first (a forgotten
/// one is only verified again). Thread-safe.
/// </summary>
internal sealed class VerifiedSignatures(int capacity)
{
    private readonly HashSet<Hash32> _ids = new(capacity);
    private readonly Queue<Hash32> _order = new(capacity);
    private readonly Lock _lock = new();

    /// <summary>The most ids it remembers.</summary>
    public int Capacity => capacity;

    /// <summary>Whether the transaction's signature was verified here.</summary>
    public bool Contains(Hash32 id)
    {
        lock (_lock) return _ids.Contains(id);
    }

    /// <summary>
    /// Whether every signature of <paramref name="transactions"/> verifies, checking only those not already verified
    /// here, split between the calling thread and <paramref name="other"/> (a member's second CPU worker); the valid
    /// ones are remembered. <paramref name="firstBad"/> is the index of the first that does not verify, or -1.
    /// </summary>
    public bool VerifyAll(IReadOnlyList<SignedTransaction> transactions, CpuWorker other, out int firstBad)
    {
        var valid = new bool[transactions.Count];
        var pending = new List<int>(transactions.Count);
        for (int i = 0; i < transactions.Count; i++)
        {
            if (Contains(transactions[i].Id)) valid[i] = true;
            else pending.Add(i);
        }

        // The other worker takes the second half while this thread checks the first (one signature: this thread alone).
        int half = pending.Count / 2;
        if (half == 0)
        {
            Check(transactions, pending, 0, pending.Count, valid);
        }
        else
        {
            var second = other.RunAsync(() => Check(transactions, pending, half, pending.Count, valid));
            Check(transactions, pending, 0, half, valid);
            second.GetAwaiter().GetResult();
        }

        firstBad = Array.IndexOf(valid, false);
        return firstBad < 0;
    }

    /// <summary>Verifies each signature not already verified here; the valid ones are remembered.</summary>
    public bool[] Verify(IReadOnlyList<SignedTransaction> transactions)
    {
        var valid = new bool[transactions.Count];
        for (int i = 0; i < transactions.Count; i++) valid[i] = Contains(transactions[i].Id) || Remember(transactions[i]);
        return valid;
    }

    private int Check(IReadOnlyList<SignedTransaction> transactions, List<int> pending, int from, int to, bool[] valid)
    {
        for (int k = from; k < to; k++) valid[pending[k]] = Remember(transactions[pending[k]]);
        return 0;
    }

    /// <summary>Verifies one signature and remembers the id when it is valid.</summary>
    private bool Remember(SignedTransaction transaction)
    {
        if (!transaction.VerifySignature()) return false;
        lock (_lock)
        {
            if (!_ids.Add(transaction.Id)) return true;
            _order.Enqueue(transaction.Id);
            if (_order.Count > capacity) _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
