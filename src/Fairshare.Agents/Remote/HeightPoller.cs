using Fairshare.Core.Ledger.State;

namespace Fairshare.Agents.Remote;

/// <summary>
/// The loop of a remote agent: poll the node's height, and on each new height fetch the committed state and hand it to
/// a step. A node that cannot be reached is retried with a doubling backoff (up to <see cref="MaxBackoff"/>), logged
/// once when it goes and once when it comes back.
/// </summary>
internal sealed class HeightPoller(INodeGateway node, TimeSpan interval, Action<string> log)
{
    /// <summary>The longest wait between two attempts while the node is unreachable.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>The last height handed to the step (0 before the first).</summary>
    public ulong Height { get; private set; }

    /// <summary>Runs <paramref name="step"/> on every new state until it returns true or <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(Func<LedgerState, CancellationToken, Task<bool>> step, CancellationToken ct)
    {
        var backoff = interval;
        bool down = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                ulong height = await node.HeightAsync(ct).ConfigureAwait(false);
                if (down) log($"node reachable again at height {height}");
                down = false;
                backoff = interval;
                if (height > Height)
                {
                    var state = await node.StateAsync(ct).ConfigureAwait(false);
                    Height = state.Head.Height;
                    if (await step(state, ct).ConfigureAwait(false)) return;
                }

                await Task.Delay(interval, ct).ConfigureAwait(false);
            }
            catch (GatewayException e)
            {
                if (!down) log($"node unreachable ({e.Code}: {e.Message}); retrying with backoff up to {MaxBackoff.TotalSeconds:N0} s");
                down = true;
                try
                {
                    await Task.Delay(backoff, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
