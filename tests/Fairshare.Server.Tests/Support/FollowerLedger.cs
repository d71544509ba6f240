using System.Collections.Immutable;
using Fairshare.Compute.Blobs;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Node.Cluster;

namespace Fairshare.Server.Tests.Support;

/// <summary>
/// A test double of a follower: reads come from the leader's ledger (as if replicated), submissions answer
/// <see cref="SubmitStatus.NotLeader"/> with <see cref="LeaderApiUrl"/> (null: no leader known).
/// </summary>
public sealed class FollowerLedger(SingleNodeLedger replica) : ILedgerService
{
    public event EventHandler<BlockCommittedEventArgs>? BlockCommitted
    {
        add { }
        remove { }
    }

    public string? LeaderApiUrl { get; set; }

    public int Submissions { get; private set; }

    public int SignaturesReceived => _signatures;

    private int _signatures;

    public GenesisConfig Genesis => replica.Genesis;

    public PublicKey Validator => replica.Validator;

    public MemberCredentials SignMemberRequest(string method, string pathAndQuery) => replica.SignMemberRequest(method, pathAndQuery);

    public BlobStore Blobs => replica.Blobs;

    public ChainHead Head => replica.Head;

    public ClusterView Cluster => new("follower", 1, LeaderApiUrl, "http://127.0.0.1:2", LeaderApiUrl is null ? [] : [LeaderApiUrl]);

    public int MempoolSize => 0;

    public T Read<T>(Func<LedgerState, T> query) => replica.Read(query);

    public byte[] EncodedState() => replica.EncodedState();

    public Block? ReadBlock(ulong height) => replica.ReadBlock(height);

    public byte[]? ReadRawBlock(ulong height) => replica.ReadRawBlock(height);

    public ImmutableArray<Receipt> ReadReceipts(ulong height) => replica.ReadReceipts(height);

    public ImmutableArray<BlockSignature> ReadSignatures(ulong height) => replica.ReadSignatures(height);

    public SignatureAcceptance AddSignature(ulong height, BlockSignature signature)
    {
        Interlocked.Increment(ref _signatures);
        return replica.AddSignature(height, signature);
    }

    public Task<SubmitResult> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, TimeSpan waitTimeout, CancellationToken ct)
    {
        Submissions++;
        return Task.FromResult(new SubmitResult(SubmitStatus.NotLeader, []));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
