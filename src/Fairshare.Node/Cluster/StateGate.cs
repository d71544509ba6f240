namespace Fairshare.Node.Cluster;

/// <summary>
/// Guards a member's state: many readers or one writer, and no readers while the leader's proposed block is in the
/// state but not yet committed (readers see committed state only). Not tied to threads, so a writer may await.
/// A proposing writer lets waiting readers in first for a short while, so a busy leader does not starve the API.
/// </summary>
internal sealed class StateGate
{
    private static readonly TimeSpan ReaderPriority = TimeSpan.FromMilliseconds(50);
    private readonly object _sync = new();
    private int _readers;
    private int _waitingReaders;
    private bool _writer;
    private bool _proposal;

    /// <summary>Waits until no writer holds the gate and no proposal is outstanding, then enters as a reader.</summary>
    public void EnterRead()
    {
        lock (_sync)
        {
            _waitingReaders++;
            while (_writer || _proposal) Monitor.Wait(_sync);
            _waitingReaders--;
            _readers++;
        }
    }

    /// <summary>Leaves as a reader.</summary>
    public void ExitRead()
    {
        lock (_sync)
        {
            if (--_readers == 0) Monitor.PulseAll(_sync);
        }
    }

    /// <summary>Waits until the gate is free, then enters as the writer; with <paramref name="yieldToReaders"/> waiting readers go first (for a while).</summary>
    public void EnterWrite(bool yieldToReaders)
    {
        lock (_sync)
        {
            long deadline = Environment.TickCount64 + (long)ReaderPriority.TotalMilliseconds;
            while (_writer || _readers > 0 || (yieldToReaders && _waitingReaders > 0 && Environment.TickCount64 < deadline))
                Monitor.Wait(_sync, ReaderPriority);
            _writer = true;
        }
    }

    /// <summary>Leaves as the writer; <paramref name="proposalOutstanding"/> keeps readers out until <see cref="ExitWrite"/> is called again without it.</summary>
    public void ExitWrite(bool proposalOutstanding)
    {
        lock (_sync)
        {
            _writer = false;
            _proposal = proposalOutstanding;
            Monitor.PulseAll(_sync);
        }
    }
}
