using System.Collections.Immutable;
using System.Net;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.Membership;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
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
public sealed class RaftLedgerService : ILedgerService
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
        _head = node.State.Head;
        _storedHeight = _head.Height;
    }

    /// <inheritdoc/>
    public GenesisConfig Genesis => _node.Genesis;

    /// <inheritdoc/>
    public PublicKey Validator => _node.Key.PublicKey;

    /// <inheritdoc/>
    public BlobStore Blobs { get; }

    /// <inheritdoc/>
    public ChainHead Head => Volatile.Read(ref _head);

    /// <inheritdoc/>
    public int MempoolSize => _mempool.Count;

    /// <inheritdoc/>
    public event EventHandler<BlockCommittedEventArgs>? BlockCommitted;

    /// <inheritdoc/>
    public ClusterView Cluster
    {
        get
        {
            var cluster = _cluster;
            if (cluster is null || Volatile.Read(ref _disposed) != 0) return new ClusterView("follower", 0, null, _options.ApiUrl, _memberUrls);
            bool leading = !cluster.LeadershipToken.IsCancellationRequested;
            var leader = cluster.Leader;
            string? leaderUrl = leading ? _options.ApiUrl : leader is null ? null : ApiUrlOf(leader.EndPoint);
            string role = leading ? "leader" : leader is null ? "candidate" : "follower";
            return new ClusterView(role, cluster.Term, leaderUrl, _options.ApiUrl, _memberUrls);
        }
    }

    private bool IsLeader => Volatile.Read(ref _disposed) == 0 && _cluster is { } cluster && !cluster.LeadershipToken.IsCancellationRequested;

    /// <summary>
    /// Opens the data directory (recovering the state from its store), restores the newest Raft snapshot, replays the
    /// write-ahead log, joins the cluster, and starts leading when elected. Writes the <see cref="RunningNode"/> note.
    /// </summary>
    public static async Task<RaftLedgerService> StartAsync(RaftLedgerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Members.Any(m => m.Raft.Equals(options.RaftEndpoint)))
            throw new ArgumentException("the members must include this member's Raft endpoint", nameof(options));
        var node = LedgerNode.Open(options.Data, options.Clock);
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

    private async Task StartClusterAsync(CancellationToken ct)
    {
        CatchUpIndex();
        RememberRecentCommits();
        var raft = _options.Data.RaftPath;
        Directory.CreateDirectory(raft);
        _stateMachine = new LedgerStateMachine(new DirectoryInfo(Path.Combine(raft, "snapshots")), this);
        await _stateMachine.RestoreAsync(ct).ConfigureAwait(false);
        _wal = new WriteAheadLog(new WriteAheadLog.Options { Location = Path.Combine(raft, "wal") }, _stateMachine);
        int lower = (int)_options.ElectionTimeout.TotalMilliseconds;
        var config = new RaftCluster.TcpConfiguration(_options.RaftEndpoint)
        {
            RequestTimeout = TimeSpan.FromMilliseconds(lower * 2),
            LowerElectionTimeout = lower,
            UpperElectionTimeout = lower * 2,
            TransmissionBlockSize = 65536,
            ColdStart = false,
            ConfigurationStorage = null!,
            LoggerFactory = _options.Logging ?? NullLoggerFactory.Instance,
        };
        var builder = ((InMemoryClusterConfigurationStorage<EndPoint>)config.ConfigurationStorage).CreateInitialConfigurationBuilder();
        foreach (var member in _options.Members) builder.Add(member.Raft);
        builder.Build();
        _cluster = new RaftCluster(config) { AuditTrail = _wal };
        await _cluster.StartAsync(ct).ConfigureAwait(false);
        _leading = Task.Run(() => LeadWhileElectedAsync(_stop.Token), CancellationToken.None);
        new RunningNode(Environment.ProcessId, _options.ApiUrl).Write(_options.Data);
    }

    /// <inheritdoc/>
    public T Read<T>(Func<LedgerState, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _gate.EnterRead();
        try
        {
            return query(_node.State);
        }
        finally
        {
            _gate.ExitRead();
        }
    }

    /// <inheritdoc/>
    public byte[] EncodedState()
    {
        ulong height = Head.Height;
        lock (_encodedLock)
        {
            if (_encoded.Height == height) return _encoded.Bytes;
        }

        var encoded = Read(state => (state.Head.Height, StateSnapshot.Encode(state)));
        lock (_encodedLock)
        {
            if (_encoded.Height == ulong.MaxValue || encoded.Height > _encoded.Height) _encoded = encoded;
        }

        return encoded.Item2;
    }

    /// <inheritdoc/>
    public Block? ReadBlock(ulong height) => _node.ReadBlock(height);

    /// <inheritdoc/>
    public byte[]? ReadRawBlock(ulong height) => _node.ReadRawBlock(height);

    /// <inheritdoc/>
    public ImmutableArray<Receipt> ReadReceipts(ulong height) => _node.ReadReceipts(height);

    /// <inheritdoc/>
    public ImmutableArray<BlockSignature> ReadSignatures(ulong height) => _node.ReadSignatures(height);

    /// <inheritdoc/>
    public SignatureAcceptance AddSignature(ulong height, BlockSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var block = _node.ReadBlock(height);
        if (block is null) return SignatureAcceptance.UnknownBlock;
        if (!Genesis.Validators.Contains(signature.Validator) || !signature.Verify(block.Header)) return SignatureAcceptance.BadSignature;
        _node.AddSignature(height, signature);
        return SignatureAcceptance.Ok;
    }

    /// <inheritdoc/>
    public async Task<SubmitResult> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, TimeSpan waitTimeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (!IsLeader) return new SubmitResult(SubmitStatus.NotLeader, []);
        if (!_mempool.HasRoomFor(transactions.Count)) return new SubmitResult(SubmitStatus.Busy, []);
        var valid = await _verifier.RunAsync(() => transactions.Select(t => t.VerifySignature()).ToArray()).ConfigureAwait(false);
        var outcomes = new Task<SubmittedTransaction>[transactions.Count];
        for (int i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i];
            outcomes[i] = !valid[i] ? Task.FromResult(new SubmittedTransaction(tx.Id, ResultCode.BadSignature, null, []))
                : CommittedOutcome(tx.Id) is { } committed ? Task.FromResult(committed)
                : _mempool.TryAdd(tx).Outcome.Task;
        }

        if (wait)
        {
            try
            {
                await Task.WhenAll(outcomes).WaitAsync(waitTimeout, _options.Clock, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // the rest are still pending
            }
        }

        return new SubmitResult(SubmitStatus.Accepted, [.. outcomes.Select((o, i) => o.IsCompletedSuccessfully ? o.Result : Mempool.Pending(transactions[i].Id))]);
    }

    /// <summary>
    /// Applies one committed log entry (an encoded block) on the worker thread and stores it; true when a Raft snapshot
    /// should be taken now. Called by the state machine, one entry at a time, in log order.
    /// </summary>
    internal Task<bool> ApplyCommittedAsync(byte[] payload, bool isSnapshot) => _worker.RunAsync(() => ApplyCommitted(payload, isSnapshot));

    private bool ApplyCommitted(byte[] payload, bool isSnapshot)
    {
        if (isSnapshot)
        {
            RestoreSnapshot(payload);
            return false;
        }

        if (Block.TryDecode(payload, out var block) != ResultCode.Ok)
        {
            _log.LogError("a committed log entry is not a block; skipped");
            return false;
        }

        var header = block!.Header;
        if (header.Height <= Volatile.Read(ref _storedHeight)) return false;
        var hash = header.Hash();
        Proposal? mine = null;
        Proposal? discarded = null;
        BlockSignature own;
        ImmutableArray<Receipt> receipts;
        bool snapshot = false;
        _gate.EnterWrite(yieldToReaders: false);
        try
        {
            if (_proposal is { } proposal)
            {
                _proposal = null;
                if (proposal.Hash == hash)
                {
                    mine = proposal;
                }
                else
                {
                    discarded = proposal;
                    _node.Reload();
                }
            }

            if (mine is not null)
            {
                receipts = mine.Produced.Receipts;
            }
            else
            {
                if (_node.State.Head.Height != _storedHeight) _node.Reload();
                var applied = _node.Apply(block, _options.FollowersVerifyTransactionSignatures ? SignatureChecks.All : SignatureChecks.BlockOnly);
                if (!applied.IsOk)
                {
                    _log.LogCritical("committed block {Height} does not apply here ({Code}); this member cannot follow the chain", header.Height, applied.Code);
                    return false;
                }

                receipts = applied.Receipts;
            }

            own = _node.Persist(block, receipts);
            Volatile.Write(ref _storedHeight, header.Height);
            Volatile.Write(ref _head, _node.State.Head);
            if (_options.SnapshotInterval != 0 && header.Height % _options.SnapshotInterval == 0)
            {
                _raftSnapshot = StateSnapshot.Encode(_node.State);
                _node.TakeSnapshot(_raftSnapshot);
                snapshot = true;
            }
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: false);
        }

        discarded?.Stored.TrySetResult(false);
        _recent.Add(header.Height, [.. block.Transactions.Select(t => t.Id)]);
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            var id = block.Transactions[i].Id;
            _mempool.Complete(id, new SubmittedTransaction(id, ResultCode.Ok, header.Height, receipts[i].Events));
        }

        mine?.Stored.TrySetResult(true);
        _options.Index?.Index(block, receipts);
        BlockCommitted?.Invoke(this, new BlockCommittedEventArgs(block, receipts, own));
        return snapshot;
    }

    /// <summary>The state encoding of the newest Raft snapshot (taken while applying its height).</summary>
    internal byte[] SnapshotForRaft() => _raftSnapshot.Length != 0 ? _raftSnapshot : EncodedState();

    /// <summary>Adopts a Raft snapshot when it is newer than this member's stored chain (a member that fell far behind).</summary>
    internal void RestoreSnapshot(byte[] bytes)
    {
        if (StateSnapshot.TryDecode(bytes, out var state) != ResultCode.Ok || state!.ChainId != Genesis.ChainId)
        {
            _log.LogError("a Raft snapshot does not decode as this chain's state; ignored");
            return;
        }

        Proposal? discarded;
        _gate.EnterWrite(yieldToReaders: false);
        try
        {
            if (state.Head.Height <= _storedHeight) return;
            discarded = _proposal;
            _proposal = null;
            _node.Install(state, bytes);
            Volatile.Write(ref _storedHeight, state.Head.Height);
            Volatile.Write(ref _head, state.Head);
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: false);
        }

        discarded?.Stored.TrySetResult(false);
        _log.LogInformation("installed a snapshot of the state at height {Height}", state.Head.Height);
    }

    private async Task LeadWhileElectedAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            CancellationToken leadership;
            try
            {
                leadership = await _cluster!.WaitForLeadershipAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or QuorumUnreachableException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await LeadAsync(leadership, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // leadership lost or stopping
            }
            catch (Exception e) when (e is QuorumUnreachableException or NotLeaderException or ObjectDisposedException or InvalidOperationException)
            {
                _log.LogWarning(e, "stopped leading");
            }
            finally
            {
                _mempool.Clear();
            }
        }
    }

    private async Task LeadAsync(CancellationToken leadership, CancellationToken stop)
    {
        var cluster = _cluster!;
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(leadership, stop);
        var token = leading.Token;
        using (var barrier = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            barrier.CancelAfter(_options.ReplicationTimeout);
            await cluster.ApplyReadBarrierAsync(barrier.Token).ConfigureAwait(false);
        }

        _log.LogInformation("leading from height {Height} in term {Term}", Head.Height, cluster.Term);
        var clock = _options.Clock;
        long lastBlock = clock.GetTimestamp();
        while (!token.IsCancellationRequested)
        {
            var remaining = _options.BlockTime - clock.GetElapsedTime(lastBlock);
            if (remaining > TimeSpan.Zero) await _mempool.WaitForAsync(_options.MaxBlockTransactions, remaining, clock, token).ConfigureAwait(false);
            lastBlock = clock.GetTimestamp();
            await ProposeAsync(_mempool.Take(_options.MaxBlockTransactions), token).ConfigureAwait(false);
        }
    }

    private async Task ProposeAsync(List<MempoolEntry> batch, CancellationToken token)
    {
        var (proposal, encoded) = await _worker.RunAsync(() => Propose(batch)).ConfigureAwait(false);

        bool stored;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(_options.ReplicationTimeout);
            await _cluster!.ReplicateAsync(new ReadOnlyMemory<byte>(encoded), null, timeout.Token).ConfigureAwait(false);
            stored = await proposal.Stored.Task.WaitAsync(StoreWait, _options.Clock, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or NotLeaderException or QuorumUnreachableException or InvalidOperationException)
        {
            stored = false;
        }

        if (!stored)
        {
            await _worker.RunAsync(() => GiveUp(proposal)).ConfigureAwait(false);
            _mempool.Requeue(batch);
            token.ThrowIfCancellationRequested();
            return;
        }

        Settle(proposal);
    }

    private (Proposal Proposal, byte[] Encoded) Propose(List<MempoolEntry> batch)
    {
        Proposal proposal;
        _gate.EnterWrite(yieldToReaders: true);
        try
        {
            if (_node.State.Head.Height != _storedHeight) _node.Reload();
            var produced = _node.Propose([.. batch.Select(e => e.Transaction)], allowEmpty: true);
            _proposal = proposal = new Proposal(produced, batch);
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: _proposal is not null);
        }

        return (proposal, proposal.Block.Encode());
    }

    private bool GiveUp(Proposal proposal)
    {
        _gate.EnterWrite(yieldToReaders: false);
        try
        {
            if (ReferenceEquals(_proposal, proposal))
            {
                _proposal = null;
                _node.Reload();
                _log.LogWarning("block {Height} was not committed; state rebuilt from the store, its transactions queued again", proposal.Block.Header.Height);
            }
        }
        finally
        {
            _gate.ExitWrite(proposalOutstanding: false);
        }

        proposal.Stored.TrySetResult(false);
        return true;
    }

    private void Settle(Proposal proposal)
    {
        var entries = proposal.Batch.ToDictionary(e => e.Transaction.Id);
        var deferred = new List<MempoolEntry>();
        foreach (var rejected in proposal.Produced.Rejected)
        {
            var id = rejected.Transaction.Id;
            if (!entries.TryGetValue(id, out var entry)) continue;
            if (rejected.Code == ResultCode.NonceGap && entry.Deferrals++ < NonceGapDeferrals) deferred.Add(entry);
            else _mempool.Complete(id, CommittedOutcome(id) ?? new SubmittedTransaction(id, rejected.Code, null, []));
        }

        _mempool.Requeue(deferred);
    }

    private SubmittedTransaction? CommittedOutcome(Hash32 id)
    {
        if (_recent.HeightOf(id) is { } height)
        {
            var receipt = _node.ReadReceipts(height).FirstOrDefault(r => r.TxId == id);
            if (receipt is not null) return new SubmittedTransaction(id, receipt.Code, height, receipt.Events);
        }

        return _options.Index?.FindTransaction(id) is { } indexed
            ? new SubmittedTransaction(id, indexed.Receipt.Code, indexed.Height, indexed.Receipt.Events)
            : null;
    }

    private void CatchUpIndex()
    {
        if (_options.Index is not { } index) return;
        var batch = new List<(Block Block, ImmutableArray<Receipt> Receipts)>();
        for (ulong height = index.IndexedHeight + 1; height <= _storedHeight; height++)
        {
            if (_node.ReadBlock(height) is not { } block) continue;
            batch.Add((block, _node.ReadReceipts(height)));
            if (batch.Count < 500) continue;
            index.IndexRange(batch);
            batch.Clear();
        }

        if (batch.Count != 0) index.IndexRange(batch);
    }

    private void RememberRecentCommits()
    {
        var blocks = new List<Block>();
        int transactions = 0;
        for (ulong height = _storedHeight; height > 0 && blocks.Count < RecentBlocksOnStart && transactions < RecentTransactionsOnStart; height--)
        {
            if (_node.ReadBlock(height) is not { } block) break;
            blocks.Add(block);
            transactions += block.Transactions.Length;
        }

        for (int i = blocks.Count - 1; i >= 0; i--)
            _recent.Add(blocks[i].Header.Height, [.. blocks[i].Transactions.Select(t => t.Id)]);
    }

    private string? ApiUrlOf(EndPoint? endpoint) =>
        endpoint is null ? null : _options.Members.FirstOrDefault(m => m.Raft.Equals(endpoint))?.ApiUrl;

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
                _log.LogWarning(e, "the Raft member did not stop cleanly");
            }

            await cluster.DisposeAsync().ConfigureAwait(false);
        }

        if (_wal is { } wal) await wal.DisposeAsync().ConfigureAwait(false);
        if (_stateMachine is { } stateMachine) await stateMachine.DisposeAsync().ConfigureAwait(false);
        _worker.Dispose();
        _verifier.Dispose();
        _node.Dispose();
        _stop.Dispose();
        RunningNode.Remove(_options.Data);
    }
}
