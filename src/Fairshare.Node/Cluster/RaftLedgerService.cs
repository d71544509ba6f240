// RaftLedgerService: its state (fields), construction, public properties, StartAsync and DisposeAsync.
using System.Collections.Immutable;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.State;
using Fairshare.Node.Chain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fairshare.Node.Cluster;

/// <summary>
/// A validator that is one member of a Raft cluster (DotNext, TCP transport, persistent write-ahead log). Each Raft
/// log entry is one encoded block. The leader takes verified transactions from its mempool, makes and signs the next
/// block on its state, and replicates it; every member applies committed entries in log order: re-executes the block
/// (the state root must match), stores it with its receipts and this member's header signature in SQLite, indexes it,
/// and raises <see cref="BlockCommitted"/>. Applying is idempotent by height, so replaying the log after a restart is
/// safe. A block the leader made but could not commit is given up: its state is rebuilt from the store and the
/// block's transactions go back to the mempool. Raft snapshots carry the state's snapshot encoding, so a member that
/// was down for long installs one. A cluster of one member is the embedded default.
/// </summary>
public sealed partial class RaftLedgerService : ILedgerService
{
    private const int NonceGapDeferrals = 3;
    private const int RecentBlocksOnStart = 2000;
    private const int RecentTransactionsOnStart = 100_000;
    private static readonly TimeSpan StoreWait = TimeSpan.FromSeconds(5);

    private readonly RaftLedgerOptions _options;
    private readonly LedgerNode _node;
    private readonly StateGate _gate = new();
    private readonly Mempool _mempool;
    private readonly RecentCommits _recent;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _encodedLock = new();
    private readonly ImmutableArray<string> _memberUrls;
    private readonly CpuWorker _worker;
    private readonly CpuWorker _verifier;
    private readonly CpuWorker _quickVerifier;
    private readonly VerifiedSignatures _verified;
    private Proposal? _proposal;
    private ulong _storedHeight;
    private ChainHead _head;
    private (ulong Height, byte[] Bytes) _encoded = (ulong.MaxValue, []);
    private byte[] _raftSnapshot = [];
    private LedgerStateMachine? _stateMachine;
    private WriteAheadLog? _wal;
    private RaftCluster? _cluster;
    private Task _leading = Task.CompletedTask;
    private int _disposed;

    private RaftLedgerService(RaftLedgerOptions options, LedgerNode node)
    {
        _options = options;
        _node = node;
        _mempool = new Mempool(options.MaxMempool);
        _recent = new RecentCommits(Math.Max(options.MaxMempool, 100_000));
        _log = options.Logging?.CreateLogger<RaftLedgerService>() ?? NullLogger<RaftLedgerService>.Instance;
        _memberUrls = [.. options.Members.Select(m => m.ApiUrl)];
        Blobs = new BlobStore(options.Data.BlobsPath);
        _worker = new CpuWorker("fairshare-ledger " + options.RaftEndpoint);
        _verifier = new CpuWorker("fairshare-verify " + options.RaftEndpoint);
        _quickVerifier = new CpuWorker("fairshare-verify-small " + options.RaftEndpoint);
        _verified = new VerifiedSignatures(Math.Max(options.MaxMempool, 100_000));
        _head = node.State.Head;
        _storedHeight = _head.Height;
    }

    /// <inheritdoc/>
    public GenesisConfig Genesis => _node.Genesis;

    /// <inheritdoc/>
    public PublicKey Validator => _node.Key.PublicKey;

    /// <inheritdoc/>
    public MemberCredentials SignMemberRequest(string method, string pathAndQuery) =>
        MemberRequest.Sign(_node.Key, _node.Genesis.ChainId, method, pathAndQuery, _options.Clock.GetUtcNow());

    /// <inheritdoc/>
    public BlobStore Blobs { get; }

    /// <inheritdoc/>
    public ChainHead Head => Volatile.Read(ref _head);

    /// <inheritdoc/>
    public int MempoolSize => _mempool.Count;

    /// <inheritdoc/>
    public event EventHandler<BlockCommittedEventArgs>? BlockCommitted;

    /// <summary>
    /// Opens the data directory (recovering the state from its store), restores the newest Raft snapshot, replays the
    /// write-ahead log, joins the cluster, and starts leading when elected. Writes the <see cref="RunningNode"/> note.
    /// </summary>
    public static async Task<RaftLedgerService> StartAsync(RaftLedgerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Members.Any(m => m.Raft.Equals(options.RaftEndpoint)))
            throw new ArgumentException("the members must include this member's Raft endpoint", nameof(options));
        var node = LedgerNode.Open(options.Data, options.Clock, options.NodeKeyPassphrase);
        node.SnapshotInterval = 0;
        var service = new RaftLedgerService(options, node);
        try
        {
            await service.StartClusterAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <summary>Stops leading, leaves the cluster, and closes the log, the store and the key; removes the running-node note.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _leading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _mempool.Clear();
        if (_cluster is { } cluster)
        {
            try
            {
                await cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                _log.LogUncleanStop(e);
            }

            await cluster.DisposeAsync().ConfigureAwait(false);
        }

        if (_wal is { } wal) await wal.DisposeAsync().ConfigureAwait(false);
        if (_stateMachine is { } stateMachine) await stateMachine.DisposeAsync().ConfigureAwait(false);
        _worker.Dispose();
        _verifier.Dispose();
        _quickVerifier.Dispose();
        _node.Dispose();
        _stop.Dispose();
        RunningNode.Remove(_options.Data);
    }
}
