using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

/// <summary>
/// The leader's queue of verified transactions in arrival order, with one entry per transaction id (a duplicate
/// joins the entry already waiting). An entry stays known by id from <see cref="TryAdd"/> until
/// <see cref="Complete"/>, also while it is in a block being replicated. Thread-safe.
/// </summary>
internal sealed class Mempool(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<MempoolEntry> _queue = new();
    private readonly Dictionary<Hash32, MempoolEntry> _byId = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _wakeAt = 1;

    /// <summary>Transactions known and not completed (queued or in a block being replicated).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _byId.Count;
        }
    }

    /// <summary>True when <paramref name="count"/> more transactions would fit.</summary>
    public bool HasRoomFor(int count)
    {
        lock (_lock) return _byId.Count + count <= capacity;
    }

    /// <summary>Queues a transaction, or returns the entry already waiting with its id.</summary>
    public MempoolEntry TryAdd(SignedTransaction transaction)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(transaction.Id, out var existing)) return existing;
            var entry = new MempoolEntry(transaction);
            _byId.Add(transaction.Id, entry);
            entry.Node = _queue.AddLast(entry);
            if (_queue.Count >= _wakeAt) Signal();
            return entry;
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> queued entries in arrival order, except that each sender's transactions
    /// are put in nonce order among the places its transactions hold.
    /// </summary>
    public List<MempoolEntry> Take(int max)
    {
        List<MempoolEntry> batch;
        lock (_lock)
        {
            batch = new List<MempoolEntry>(Math.Min(max, _queue.Count));
            while (batch.Count < max && _queue.First is { } first)
            {
                batch.Add(first.Value);
                _queue.RemoveFirst();
                first.Value.Node = null;
            }
        }

        foreach (var places in batch.Select((entry, index) => (entry, index)).GroupBy(p => p.entry.Transaction.Sender))
        {
            var slots = places.Select(p => p.index).ToList();
            if (slots.Count < 2) continue;
            var ordered = places.Select(p => p.entry).OrderBy(e => e.Transaction.Body.Nonce).ToList();
            for (int i = 0; i < slots.Count; i++) batch[slots[i]] = ordered[i];
        }

        return batch;
    }

    /// <summary>Puts entries back at the front of the queue, in the order given (those completed meanwhile are dropped).</summary>
    public void Requeue(IEnumerable<MempoolEntry> entries)
    {
        lock (_lock)
        {
            LinkedListNode<MempoolEntry>? after = null;
            foreach (var entry in entries)
            {
                if (!_byId.TryGetValue(entry.Transaction.Id, out var known) || !ReferenceEquals(known, entry) || entry.Node is not null) continue;
                after = entry.Node = after is null ? _queue.AddFirst(entry) : _queue.AddAfter(after, entry);
            }

            if (after is not null) Signal();
        }
    }

    /// <summary>Completes the entry of a transaction id, if one is waiting.</summary>
    public void Complete(Hash32 id, SubmittedTransaction outcome)
    {
        MempoolEntry? entry;
        lock (_lock)
        {
            if (!_byId.Remove(id, out entry)) return;
            if (entry.Node is { } node) _queue.Remove(node);
            entry.Node = null;
        }

        entry.Outcome.TrySetResult(outcome);
    }

    /// <summary>Empties the mempool, completing every entry as still pending (the submitter may retry elsewhere).</summary>
    public void Clear()
    {
        List<MempoolEntry> entries;
        lock (_lock)
        {
            entries = [.. _byId.Values];
            _byId.Clear();
            _queue.Clear();
        }

        foreach (var entry in entries) entry.Outcome.TrySetResult(Pending(entry.Transaction.Id));
    }

    /// <summary>Waits until at least <paramref name="count"/> entries are queued, or the timeout passes.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_queue.Count >= count) return;
                _wakeAt = count;
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The outcome of a transaction accepted but not (yet) committed.</summary>
    public static SubmittedTransaction Pending(Hash32 id) => new(id, ResultCode.Ok, null, [], IsPending: true);

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
