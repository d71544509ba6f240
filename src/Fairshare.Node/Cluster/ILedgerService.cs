using System.Collections.Immutable;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;

namespace Fairshare.Node.Cluster;

/// <summary>
/// A running validator as the API sees it: the committed state (read under a lock), the block store, the mempool of
/// the leader, and the cluster's view. Implemented by <c>RaftLedgerService</c> (a Raft member; one member is the
/// embedded default). Thread-safe.
/// </summary>
public interface ILedgerService : IAsyncDisposable
{
    /// <summary>The chain's genesis.</summary>
    GenesisConfig Genesis { get; }

    /// <summary>This validator's public key.</summary>
    PublicKey Validator { get; }

    /// <summary>
    /// Signs a request this validator sends another member (<see cref="MemberRequest"/>) with its key, at the node's
    /// clock's time.
    /// </summary>
    MemberCredentials SignMemberRequest(string method, string pathAndQuery);

    /// <summary>The node's content-addressed blob store (models, inputs, outputs).</summary>
    BlobStore Blobs { get; }

    /// <summary>The head of the committed chain.</summary>
    ChainHead Head { get; }

    /// <summary>The cluster as this member sees it now.</summary>
    ClusterView Cluster { get; }

    /// <summary>Transactions waiting in this node's mempool (0 on followers).</summary>
    int MempoolSize { get; }

    /// <summary>Runs a query on the committed state under the state lock; the query must not keep the state.</summary>
    T Read<T>(Func<LedgerState, T> query);

    /// <summary>The committed state's canonical snapshot encoding (cached per height).</summary>
    byte[] EncodedState();

    /// <summary>The stored block at a height, or null.</summary>
    Block? ReadBlock(ulong height);

    /// <summary>The stored block's canonical encoding, or null.</summary>
    byte[]? ReadRawBlock(ulong height);

    /// <summary>The stored receipts of a block (empty when none).</summary>
    ImmutableArray<Receipt> ReadReceipts(ulong height);

    /// <summary>Every validator signature of the header at a height that this node holds (its own among them).</summary>
    ImmutableArray<BlockSignature> ReadSignatures(ulong height);

    /// <summary>
    /// Records another validator's signature of a committed header: <see cref="SignatureAcceptance"/> says whether it was kept
    /// (not a validator, or not a valid signature of the stored header); a refused signature changes nothing.
    /// </summary>
    SignatureAcceptance AddSignature(ulong height, BlockSignature signature);

    /// <summary>
    /// Accepts signed transactions on the leader: checks each signature (a bad one is refused with <c>BadSignature</c>
    /// and never enters the mempool), queues the rest, and with <paramref name="wait"/> completes once each is in a
    /// committed block or refused by execution (or <paramref name="waitTimeout"/> passes: then <c>Pending</c>). On a
    /// follower it returns <see cref="SubmitStatus.NotLeader"/> and the caller forwards to <see cref="ClusterView.LeaderApiUrl"/>.
    /// A committed outcome is only reported after the block is durable on a majority.
    /// </summary>
    Task<SubmitResult> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, TimeSpan waitTimeout, CancellationToken ct);

    /// <summary>Raised after each committed block is applied, persisted and signed by this node (on the apply thread: keep it short).</summary>
    event EventHandler<BlockCommittedEventArgs>? BlockCommitted;
}
