using Fairshare.Compute.Blobs;
using Fairshare.Compute.Sandbox;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Remote;

/// <summary>
/// One provider as its own process, talking to a node only through an <see cref="INodeGateway"/>: it polls the
/// height, and on each new height fetches the committed state, brings the blobs its slots need into its own local
/// <see cref="BlobStore"/> (the job's model and input; as an arbiter, the outputs the other slots revealed), runs
/// <see cref="ProviderAgent.OnBlock"/>, uploads an output just before revealing it (not earlier: a copy could be
/// committed by a lazy provider), and sends the transactions without waiting for them in the loop. A node that is
/// briefly unreachable is retried; a restarted process picks its slots up from the chain (salts derive from the key).
/// Jobs run in the executor's sandbox (the CLI gives it a worker process); a fetched model or input over
/// <c>market.max-model-bytes</c> or <c>max-input-bytes</c> is not kept, and its job ends with a fault.
/// </summary>
public sealed class ProviderProcess : IAsyncDisposable
{
    private readonly INodeGateway _node;
    private readonly BlobStore _cache;
    private readonly Action<string> _log;
    private readonly AgentSender _sender;
    private readonly HashSet<Hash32> _uploaded = [];
    private readonly HashSet<Hash32> _oversized = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly JobExecutor _executor;
    private HeightPoller? _poller;
    private Task? _loop;
    private int _jobsHandled;

    /// <summary>
    /// A provider process for <paramref name="key"/>, caching blobs in <paramref name="cache"/>, running jobs in
    /// <paramref name="sandbox"/> (default: in this process), logging one line per event; it disposes the sandbox.
    /// </summary>
    public ProviderProcess(INodeGateway node, ProviderProfile profile, KeyPair key, BlobStore cache, Action<string>? log = null, ISandbox? sandbox = null)
    {
        _node = node;
        _cache = cache;
        _log = log ?? (_ => { });
        _executor = new JobExecutor(cache, sandbox);
        Agent = new ProviderAgent(profile, key, _executor);
        _sender = new AgentSender(node, key, _log) { Committed = (tx, outcome) => OnCommitted(tx.Body.Payload, outcome.Height) };
    }

    /// <summary>The agent that decides what to send.</summary>
    public ProviderAgent Agent { get; }

    /// <summary>How often the node's height is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The last height the agent acted on.</summary>
    public ulong Height => _poller?.Height ?? 0;

    /// <summary>Slots whose reveal the chain committed (one per job handled).</summary>
    public int JobsHandled => Volatile.Read(ref _jobsHandled);

    /// <summary>Starts the loop in the background (stop it with <see cref="DisposeAsync"/>).</summary>
    public void Start() => _loop ??= RunAsync(_stop.Token);

    /// <summary>Runs the loop until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        _poller = new HeightPoller(_node, PollInterval, _log);
        try
        {
            await _poller.RunAsync(StepAsync, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not a node that went away (the poller outlasts those): say so before the loop's task faults.
            _log($"provider loop stopped: {e.GetType().Name}: {e.Message}");
            throw;
        }

        await _sender.DrainAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _executor.Dispose();
    }

    private async Task<bool> StepAsync(LedgerState state, CancellationToken ct)
    {
        await FetchBlobsAsync(state, ct).ConfigureAwait(false);
        var payloads = new List<Core.Ledger.Transactions.TxPayload>();
        foreach (var payload in Agent.OnBlock(state))
        {
            // A reveal goes out only with its output uploaded; one the node refuses for good waits for the next block
            // instead of holding back every other job's transactions.
            if (payload is MarketRevealPayload reveal && !await UploadAsync(reveal, ct).ConfigureAwait(false)) continue;
            payloads.Add(payload);
        }

        _sender.Send(state, payloads, ct);
        return false;
    }

    /// <summary>The model and input of every slot it holds; as an arbiter, the outputs it must compare with its own.</summary>
    private async Task FetchBlobsAsync(LedgerState state, CancellationToken ct)
    {
        var market = MarketStore.Params(state);
        foreach (var (job, slot) in MarketStore.OpenSlotsFor(state, Agent.Address))
        {
            if (job.Spec.Kind == JobKind.OnnxInference) await FetchAsync(job.Spec.Model, market.MaxModelBytes, ct).ConfigureAwait(false);
            await FetchAsync(job.Spec.Input, market.MaxInputBytes, ct).ConfigureAwait(false);
            if (job.Slots[slot].Role != SlotRole.Arbiter) continue;
            for (int i = 0; i < job.Slots.Length; i++)
            {
                var other = job.Slots[i];
                if (i != slot && other.Role != SlotRole.Arbiter && other.Status == SlotStatus.Revealed)
                    await FetchAsync(other.OutputHash, ulong.MaxValue, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task FetchAsync(Hash32 address, ulong maxBytes, CancellationToken ct)
    {
        if (_cache.Contains(address) || _oversized.Contains(address)) return;
        byte[]? bytes;
        try
        {
            bytes = await _node.GetBlobAsync(address, ct).ConfigureAwait(false);
        }
        catch (GatewayException e) when (!e.IsTransient)
        {
            // A refusal that will not pass by waiting (a copy that does not hash to its address): this blob stays
            // missing like one nobody uploaded, and the other jobs go on. A node that is away is the poller's to outlast.
            _log($"blob {address.ToString()[..12]}…: {e.Code}: {e.Message}; treated as missing");
            return;
        }

        // A blob the node does not hold stays missing: the agent waits for it (a job fault after half the slot's deadline).
        if (bytes is null) return;
        if ((ulong)bytes.Length > maxBytes)
        {
            // Not kept: the executor only learns its size, and the job ends with ModelTooLarge or InputTooLarge.
            _oversized.Add(address);
            _executor.RecordOversized(address, bytes.Length);
            _log($"blob {address.ToString()[..12]}… has {bytes.Length:N0} bytes, over the limit of {maxBytes:N0}: not kept");
            return;
        }

        _cache.Put(bytes);
    }

    /// <summary>Uploads a reveal's output; false when the node refuses it for a reason that waiting will not cure.</summary>
    private async Task<bool> UploadAsync(MarketRevealPayload reveal, CancellationToken ct)
    {
        var address = reveal.OutputHash;
        if (_uploaded.Contains(address) || !_cache.TryGet(address, out var bytes)) return true;
        try
        {
            await _node.PutBlobAsync(bytes, ct).ConfigureAwait(false);
        }
        catch (GatewayException e) when (!e.IsTransient)
        {
            _log($"job {reveal.JobId} slot {reveal.Slot}: the node refused output {address.ToString()[..12]}… ({e.Code}: {e.Message}); reveal held back");
            return false;
        }

        if (_uploaded.Count > 10_000) _uploaded.Clear();
        _uploaded.Add(address);
        return true;
    }

    private void OnCommitted(Core.Ledger.Transactions.TxPayload payload, ulong? height)
    {
        if (payload is not MarketRevealPayload reveal) return;
        Interlocked.Increment(ref _jobsHandled);
        _log($"job {reveal.JobId} slot {reveal.Slot}: revealed output {reveal.OutputHash.ToString()[..12]}… (block {height})");
    }
}
