using Fairshare.Client;
using Fairshare.Core.Ledger.State;

namespace Fairshare.Agents.Remote;

/// <summary>
/// The loop of a remote agent: poll the node's height, and on the first poll and each new height after it fetch the
/// committed state and hand it to a step. A node that cannot be reached, or answers with an error, is tried again
/// with <see cref="NodeRetry"/>'s backoff (doubling up to <see cref="MaxBackoff"/>, honouring <c>Retry-After</c>),
/// logged once when it goes and once when it comes back.
/// </summary>
internal sealed class HeightPoller(INodeGateway node, TimeSpan interval, Action<string> log)
{
    /// <summary>The longest wait between two attempts while the node is unreachable.</summary>
    public static readonly TimeSpan MaxBackoff = NodeRetryOptions.Default.MaxDelay;

    private bool _stepped;

    /// <summary>The last height handed to the step (0 before the first).</summary>
    public ulong Height { get; private set; }

    /// <summary>
    /// Runs <paramref name="step"/> on every new state until it returns true or <paramref name="ct"/> is cancelled. A
    /// step that fails with a transient <see cref="GatewayException"/> (a blob it could not fetch or upload while the
    /// node was away) is backed off like a failed poll and run again on a fresh state. One the node refuses for good
    /// (<see cref="GatewayException.IsTransient"/> false) is logged and the loop goes on with the next block at the
    /// normal pace: waiting would not cure it, and backing off would make the agent miss every other deadline.
    /// Neither stops the loop.
    /// </summary>
    public async Task RunAsync(Func<LedgerState, CancellationToken, Task<bool>> step, CancellationToken ct)
    {
        bool down = false;
        // Any gateway error is worth another try here: a node may answer badly once (a state it could not prove) and
        // then well; the agent must outlast it rather than stop.
        var retry = NodeRetry.Create(NodeRetryOptions.Forever with { FirstDelay = interval, ShouldRetry = e => e is GatewayException }, (e, _, _) =>
        {
            if (!down) log($"node unreachable ({((GatewayException)e).Code}: {e.Message}); retrying with backoff up to {MaxBackoff.TotalSeconds:N0} s");
            down = true;
        });
        while (!ct.IsCancellationRequested)
        {
            try
            {
                bool finished = await retry.ExecuteAsync(async token =>
                {
                    ulong height = await node.HeightAsync(token).ConfigureAwait(false);
                    // The first state is stepped whatever its height, genesis too: a chain that skips empty blocks may
                    // make none until a transaction comes, and the agent's first may be the one it waits for.
                    if (_stepped && height <= Height) return false;
                    var state = await node.StateAsync(token).ConfigureAwait(false);
                    // The height moves on only once the step has run to its end: a step cut short by the node going away
                    // runs again; one refused for good is not retried on the same state.
                    bool done;
                    try
                    {
                        done = await step(state, token).ConfigureAwait(false);
                    }
                    catch (GatewayException e) when (!e.IsTransient)
                    {
                        log($"block {state.Head.Height}: the node refused a step ({e.Code}: {e.Message}); going on with the next block");
                        done = false;
                    }

                    Height = state.Head.Height;
                    _stepped = true;
                    return done;
                }, ct).ConfigureAwait(false);
                if (down) log($"node reachable again at height {Height}");
                down = false;
                if (finished) return;
                await Task.Delay(interval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
