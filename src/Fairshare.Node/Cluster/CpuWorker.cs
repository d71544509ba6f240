using System.Collections.Concurrent;

namespace Fairshare.Node.Cluster;

/// <summary>
/// One dedicated thread for a member's long CPU work (making, applying and checking blocks, verifying submitted
/// signatures), so that work never occupies the thread pool that the Raft transport's heartbeats and timers need: a
/// starved pool on a small machine delays heartbeats past the election timeout and costs the leadership.
/// </summary>
internal sealed class CpuWorker : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public CpuWorker(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the worker thread; its exception, if any, ends up in the task.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable()) work();
    }

    /// <summary>Finishes the queued work and stops the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }
}
