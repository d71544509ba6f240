using System.Diagnostics;
using Fairshare.Client;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Remote;

/// <summary>
/// A client as its own process, talking to a node only through an <see cref="INodeGateway"/>: it uploads the blobs its
/// plan names (models, inputs, the known answers of canaries) from its local <see cref="BlobStore"/>, then on each new
/// height runs <see cref="ClientAgent.OnBlock"/> (submit jobs when their height comes, reveal canary answers) and sends
/// what it returns without waiting in the loop, until every planned job has ended. Jobs the same key submitted before
/// the run are left alone.
/// </summary>
public sealed class ClientProcess
{
    private readonly INodeGateway _node;
    private readonly ClientProfile _profile;
    private readonly KeyPair _key;
    private readonly BlobStore _blobs;
    private readonly Action<string> _log;

    /// <summary>A client process for <paramref name="key"/> and its plan; blobs come from <paramref name="blobs"/>.</summary>
    public ClientProcess(INodeGateway node, ClientProfile profile, KeyPair key, BlobStore blobs, Action<string>? log = null)
    {
        _node = node;
        _profile = profile;
        _key = key;
        _blobs = blobs;
        _log = log ?? (_ => { });
    }

    /// <summary>How often the node's height is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The agent, once the run has started.</summary>
    public ClientAgent? Agent { get; private set; }

    /// <summary>
    /// Uploads the plan's blobs, submits and follows the jobs until all ended (or <paramref name="ct"/> is cancelled:
    /// then the summary counts what is still open), and returns the summary.
    /// </summary>
    public async Task<ClientRunSummary> RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await UploadAsync(ct).ConfigureAwait(false);
        var start = await _node.StateAsync(ct).ConfigureAwait(false);
        var agent = Agent = new ClientAgent(_profile, _key) { PriorJobs = MarketStore.Jobs(start).Count(j => j.Client == _key.Address) };
        var sender = new AgentSender(_node, _key, _log);
        var poller = new HeightPoller(_node, PollInterval, _log);
        LedgerState last = start;
        int ended = 0;
        await poller.RunAsync((state, token) =>
        {
            last = state;
            if (agent.IsDone(state)) return Task.FromResult(true);
            sender.Send(state, agent.OnBlock(state), token);
            int now = agent.Jobs(state).Count(j => j.IsClosed);
            if (now != ended) _log($"{now} of {_profile.Jobs.Length} jobs ended (block {state.Head.Height})");
            ended = now;
            return Task.FromResult(false);
        }, ct).ConfigureAwait(false);
        await sender.DrainAsync().ConfigureAwait(false);
        return Summarize(agent, last, watch.Elapsed);
    }

    private async Task UploadAsync(CancellationToken ct)
    {
        var addresses = new HashSet<Hash32>();
        foreach (var plan in _profile.Jobs)
        {
            if (plan.Spec.Kind == JobKind.OnnxInference) addresses.Add(plan.Spec.Model);
            addresses.Add(plan.Spec.Input);
            if (plan.ExpectedOutput is { } expected) addresses.Add(expected);
        }

        foreach (var address in addresses)
        {
            if (!_blobs.TryGet(address, out var bytes)) throw new InvalidOperationException($"blob {address} of the plan is not in the client's blob store");
            await RetryAsync(token => _node.PutBlobAsync(bytes, token), ct).ConfigureAwait(false);
        }

        _log($"uploaded {addresses.Count} blob(s)");
    }

    private async Task RetryAsync(Func<CancellationToken, Task> call, CancellationToken ct)
    {
        bool logged = false;
        var retry = NodeRetry.Create(NodeRetryOptions.Default with { FirstDelay = PollInterval }, (e, _, _) =>
        {
            if (!logged) _log($"node unreachable ({(e as ITransientNodeError)?.Code}: {e.Message}); retrying");
            logged = true;
        });
        await retry.ExecuteAsync(async token => await call(token).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private ClientRunSummary Summarize(ClientAgent agent, LedgerState state, TimeSpan elapsed)
    {
        var jobs = agent.Jobs(state);
        var records = jobs.Where(j => j.Job is not null).Select(j => j.Job!).ToList();
        Amount Sum(Func<Job, Amount> pick) => records.Aggregate(Amount.Zero, (sum, j) => sum + pick(j));
        return new ClientRunSummary(
            _profile.Jobs.Length,
            records.Count(j => j.State == JobState.Settled),
            records.Count(j => j.State == JobState.Failed),
            records.Count(j => j.State == JobState.Cancelled),
            jobs.Count(j => !j.IsClosed),
            Sum(j => j.Locked), Sum(j => j.Paid), Sum(j => j.Refunded),
            state.Head.Height, elapsed);
    }
}
