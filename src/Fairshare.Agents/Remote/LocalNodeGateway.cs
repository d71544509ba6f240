using System.Collections.Immutable;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Node.Cluster;

namespace Fairshare.Agents.Remote;

/// <summary>
/// A node in this process as a remote agent sees it (for tests and single-process tools): each submission batch
/// becomes one block at once, <see cref="StartBlocks"/> makes empty blocks on a timer so the market's deadlines move,
/// and the state handed out is a copy (encoded and decoded, as over HTTP). <see cref="Reachable"/> = false makes every
/// call fail as an unreachable node would. Thread-safe: the node is only touched under a lock.
/// </summary>
public sealed class LocalNodeGateway(LedgerNode node, BlobStore blobs) : INodeGateway, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<ResultCode, int> _refusals = [];
    private Task? _clock;

    /// <summary>The node behind the gateway (touch it only through the gateway while blocks are being made).</summary>
    public LedgerNode Node => node;

    /// <summary>The node's blob store.</summary>
    public BlobStore Blobs => blobs;

    /// <summary>When false, every call throws <see cref="GatewayException"/> with code <c>unreachable</c>.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>Transactions refused so far, by code.</summary>
    public IReadOnlyDictionary<ResultCode, int> Refusals
    {
        get
        {
            lock (_gate) return new Dictionary<ResultCode, int>(_refusals);
        }
    }

    /// <summary>Makes an empty block every <paramref name="interval"/> until disposed.</summary>
    public void StartBlocks(TimeSpan interval) => _clock ??= Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                Commit([]);
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    /// <summary>A copy of the committed state, read under the lock (for test assertions).</summary>
    public LedgerState Snapshot()
    {
        byte[] encoded;
        lock (_gate) encoded = StateSnapshot.Encode(node.State);
        return StateSnapshot.TryDecode(encoded, out var state) == ResultCode.Ok
            ? state!
            : throw new InvalidOperationException("the node's state does not decode");
    }

    /// <inheritdoc/>
    public Task<LedgerState> StateAsync(CancellationToken ct)
    {
        ThrowIfUnreachable();
        return Task.FromResult(Snapshot());
    }

    /// <inheritdoc/>
    public Task<ulong> HeightAsync(CancellationToken ct)
    {
        ThrowIfUnreachable();
        lock (_gate) return Task.FromResult(node.State.Head.Height);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct)
    {
        ThrowIfUnreachable();
        return Task.FromResult(Commit(transactions));
    }

    /// <inheritdoc/>
    public Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct)
    {
        ThrowIfUnreachable();
        return Task.FromResult(blobs.TryGet(address, out var bytes) ? bytes : null);
    }

    /// <inheritdoc/>
    public Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct)
    {
        ThrowIfUnreachable();
        return Task.FromResult(blobs.Put(content));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_clock is not null) await _clock.ConfigureAwait(false);
        _stop.Dispose();
    }

    private IReadOnlyList<SubmittedTransaction> Commit(IReadOnlyList<SignedTransaction> transactions)
    {
        lock (_gate)
        {
            var outcome = node.Commit(transactions, allowEmpty: true);
            var refused = new Dictionary<Hash32, ResultCode>();
            foreach (var rejected in outcome.Rejected)
            {
                refused[rejected.Transaction.Id] = rejected.Code;
                _refusals[rejected.Code] = _refusals.GetValueOrDefault(rejected.Code) + 1;
            }

            ulong? height = outcome.Produced?.Block?.Header.Height;
            var receipts = outcome.Produced?.Receipts ?? [];
            return [.. transactions.Select(tx => refused.TryGetValue(tx.Id, out var code)
                ? new SubmittedTransaction(tx.Id, code, null, [])
                : new SubmittedTransaction(tx.Id, ResultCode.Ok, height, receipts.FirstOrDefault(r => r.TxId == tx.Id)?.Events ?? []))];
        }
    }

    private void ThrowIfUnreachable()
    {
        if (!Reachable) throw new GatewayException("unreachable", "the node is not reachable (simulated)");
    }
}
