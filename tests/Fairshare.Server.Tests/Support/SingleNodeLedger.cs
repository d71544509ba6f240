using System.Collections.Immutable;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Node.Cluster;

namespace Fairshare.Server.Tests.Support;

/// <summary>
/// A test double of a one-member cluster over <see cref="LedgerNode"/>: it always leads, and <see cref="SubmitAsync"/>
/// commits a block at once (so every submission waits for nothing). Signatures other validators send are kept beside
/// the stored block. <see cref="Busy"/> makes it refuse submissions as a full mempool would.
/// </summary>
public sealed class SingleNodeLedger : ILedgerService
{
    private readonly object _gate = new();
    private readonly LedgerNode _node;
    private readonly Dictionary<ulong, List<BlockSignature>> _extraSignatures = [];

    public SingleNodeLedger(DataDirectory data)
    {
        _node = LedgerNode.Open(data);
        Blobs = new BlobStore(data.BlobsPath);
    }

    public event EventHandler<BlockCommittedEventArgs>? BlockCommitted;

    public GenesisConfig Genesis => _node.Genesis;

    public PublicKey Validator => _node.Key.PublicKey;

    public MemberCredentials SignMemberRequest(string method, string pathAndQuery) =>
        MemberRequest.Sign(_node.Key, _node.Genesis.ChainId, method, pathAndQuery, TimeProvider.System.GetUtcNow());

    public BlobStore Blobs { get; }

    public string SelfApiUrl { get; set; } = "http://127.0.0.1:1";

    public ImmutableArray<string> Members { get; set; } = [];

    public bool Busy { get; set; }

    /// <summary>The Raft term <see cref="Cluster"/> reports.</summary>
    public long Term { get; set; } = 1;

    /// <summary>The index lag <see cref="Cluster"/> reports (0: every committed entry applied; null: not known).</summary>
    public long? IndexLag { get; set; } = 0;

    /// <summary>Makes <see cref="EncodedState"/> throw, as a bug would.</summary>
    public bool FailReads { get; set; }

    /// <summary>The message of that exception (it must never reach a client).</summary>
    public const string FailureText = "simulated bug in the ledger double";

    public ChainHead Head
    {
        get
        {
            lock (_gate) return _node.State.Head;
        }
    }

    public ClusterView Cluster => new("leader", Term, SelfApiUrl, SelfApiUrl, Members.IsEmpty ? [SelfApiUrl] : Members) { IndexLag = IndexLag };

    public int MempoolSize => 0;

    public T Read<T>(Func<LedgerState, T> query)
    {
        lock (_gate) return query(_node.State);
    }

    public byte[] EncodedState()
    {
        if (FailReads) throw new InvalidOperationException(FailureText);
        lock (_gate) return StateSnapshot.Encode(_node.State);
    }

    public Block? ReadBlock(ulong height)
    {
        lock (_gate) return _node.ReadBlock(height);
    }

    public byte[]? ReadRawBlock(ulong height) => ReadBlock(height)?.Encode();

    public ImmutableArray<Receipt> ReadReceipts(ulong height)
    {
        lock (_gate) return _node.ReadReceipts(height);
    }

    public ImmutableArray<BlockSignature> ReadSignatures(ulong height)
    {
        lock (_gate)
        {
            var block = _node.ReadBlock(height);
            if (block is null) return [];
            return [.. block.Signatures, .. _extraSignatures.GetValueOrDefault(height) ?? []];
        }
    }

    public SignatureAcceptance AddSignature(ulong height, BlockSignature signature)
    {
        lock (_gate)
        {
            var block = _node.ReadBlock(height);
            if (block is null) return SignatureAcceptance.UnknownBlock;
            if (!_node.State.Validators.Contains(signature.Validator) || !signature.Verify(block.Header)) return SignatureAcceptance.BadSignature;
            var list = _extraSignatures.TryGetValue(height, out var held) ? held : _extraSignatures[height] = [];
            if (!block.Signatures.Any(s => s.Validator == signature.Validator) && !list.Any(s => s.Validator == signature.Validator)) list.Add(signature);
            return SignatureAcceptance.Ok;
        }
    }

    public Task<SubmitResult> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, TimeSpan waitTimeout, CancellationToken ct)
    {
        if (Busy) return Task.FromResult(new SubmitResult(SubmitStatus.Busy, []));
        BlockCommittedEventArgs? committed = null;
        ImmutableArray<SubmittedTransaction> outcomes;
        lock (_gate)
        {
            var outcome = _node.Commit(transactions);
            var refused = outcome.Rejected.ToDictionary(r => r.Transaction.Id, r => r.Code);
            var produced = outcome.Produced;
            var receipts = produced?.Receipts.ToDictionary(r => r.TxId) ?? [];
            ulong? height = produced?.Block?.Header.Height;
            outcomes =
            [
                .. transactions.Select(tx => refused.TryGetValue(tx.Id, out var code)
                    ? new SubmittedTransaction(tx.Id, code, null, [])
                    : new SubmittedTransaction(tx.Id, ResultCode.Ok, height, receipts[tx.Id].Events)),
            ];
            if (produced?.Block is { } block)
                committed = new BlockCommittedEventArgs(block, produced.Receipts, block.Signatures.First(s => s.Validator == Validator));
        }

        if (committed is not null) BlockCommitted?.Invoke(this, committed);
        return Task.FromResult(new SubmitResult(SubmitStatus.Accepted, outcomes));
    }

    public ValueTask DisposeAsync()
    {
        _node.Dispose();
        return ValueTask.CompletedTask;
    }
}
