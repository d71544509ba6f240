using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Storage;

namespace Fairshare.Node.Chain;

/// <summary>
/// A validator's chain on a data directory: it recovers its state from the newest snapshot plus the blocks after it,
/// produces blocks from submitted transactions, and persists each block before reporting it committed. Used alone
/// (<see cref="Commit"/>: produce and persist in one step) or under a cluster member, which proposes
/// (<see cref="Propose"/>), applies (<see cref="Apply"/>) and persists (<see cref="Persist"/>) as separate steps.
/// Not thread-safe: the caller serializes use of <see cref="State"/>; the store's reads may run concurrently.
/// </summary>
public sealed class LedgerNode : IDisposable
{
    private readonly SqliteChainStore _store;
    private readonly TimeProvider _clock;

    private LedgerNode(DataDirectory directory, GenesisConfig genesis, LedgerState state, KeyPair key, SqliteChainStore store, TimeProvider clock)
    {
        Directory = directory;
        Genesis = genesis;
        State = state;
        Key = key;
        _store = store;
        _clock = clock;
    }

    /// <summary>The data directory.</summary>
    public DataDirectory Directory { get; }

    /// <summary>The chain's genesis.</summary>
    public GenesisConfig Genesis { get; }

    /// <summary>The current state (committed blocks, and under a cluster leader the one block it proposed).</summary>
    public LedgerState State { get; private set; }

    /// <summary>This node's validator key.</summary>
    public KeyPair Key { get; }

    /// <summary>Take a snapshot every this many blocks (0: never automatically).</summary>
    public ulong SnapshotInterval { get; set; } = 1000;

    /// <summary>
    /// Opens an initialized data directory and recovers the state. An encrypted node key is opened with
    /// <paramref name="passphrase"/>, asked only then; a key that does not open throws a <see cref="UserFacingException"/>
    /// with the codes of <see cref="NodeKeyFile.Unlock"/> before the store is touched.
    /// </summary>
    public static LedgerNode Open(DataDirectory directory, TimeProvider? clock = null, Func<string?>? passphrase = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!directory.IsInitialized)
            throw new UserFacingException("not_initialized", $"no chain in {directory.Root}: run 'fairshare init' first (or pass --data DIR)");
        var genesis = LoadGenesis(File.ReadAllText(directory.GenesisPath), directory.GenesisPath);
        var key = NodeKeyFile.Unlock(directory.NodeKeyPath, passphrase);
        SqliteChainStore? store = null;
        try
        {
            store = new SqliteChainStore(directory.DatabasePath);
            var state = Recover(genesis, store);
            return new LedgerNode(directory, genesis, state, key, store, clock ?? TimeProvider.System);
        }
        catch
        {
            store?.Dispose();
            key.Dispose();
            throw;
        }
    }

    /// <summary>Parses and builds a genesis, turning problems into a one-line error.</summary>
    public static GenesisConfig LoadGenesis(string json, string source)
    {
        var (config, error) = GenesisParser.Parse(json);
        if (error is null) (_, error) = GenesisBuilder.Build(config!);
        return error is null ? config! : throw new UserFacingException(error.Code.ToString(), $"{source}: {error.Message}");
    }

    private static LedgerState Recover(GenesisConfig genesis, SqliteChainStore store)
    {
        LedgerState state;
        var snapshot = store.LatestSnapshot();
        if (snapshot is { } s && StateSnapshot.TryDecode(s.Body, out var restored) == ResultCode.Ok && restored!.ChainId == genesis.ChainId)
        {
            state = restored;
        }
        else
        {
            state = GenesisBuilder.Build(genesis).State!;
        }

        ulong latest = store.LatestHeight();
        for (ulong height = state.Head.Height + 1; height <= latest; height++)
        {
            var bytes = store.ReadBlock(height) ?? throw new UserFacingException("store_corrupt", $"block {height} is missing from the store");
            var code = Block.TryDecode(bytes, out var block);
            if (code == ResultCode.Ok) code = BlockExecutor.Apply(state, block!, SignatureChecks.BlockOnly).Code;
            if (code != ResultCode.Ok)
                throw new UserFacingException("store_corrupt", $"stored block {height} does not replay ({code}); run 'fairshare verify-chain' for details");
        }

        return state;
    }

    /// <summary>
    /// Verifies the candidates' signatures, produces a block from the valid ones, stores it durably, and only then
    /// returns it. Candidates that fail are reported with their codes and change nothing.
    /// </summary>
    public CommitOutcome Commit(IReadOnlyList<SignedTransaction> candidates, bool allowEmpty = false)
    {
        var rejected = ImmutableArray.CreateBuilder<RejectedTransaction>();
        var valid = new List<SignedTransaction>(candidates.Count);
        foreach (var tx in candidates)
        {
            if (tx.VerifySignature()) valid.Add(tx);
            else rejected.Add(new RejectedTransaction(tx, ResultCode.BadSignature));
        }

        return CommitVerified(valid, rejected, allowEmpty);
    }

    /// <summary>
    /// As <see cref="Commit"/>, for candidates whose signatures were already checked. With <paramref name="allowEmpty"/>
    /// a block is made even when no candidate is valid: the market's end-of-block work (matching, deadlines,
    /// settlement) moves on with the chain's height.
    /// </summary>
    public CommitOutcome CommitVerified(IReadOnlyList<SignedTransaction> candidates, ImmutableArray<RejectedTransaction>.Builder? rejected = null, bool allowEmpty = false)
    {
        rejected ??= ImmutableArray.CreateBuilder<RejectedTransaction>();
        if (candidates.Count == 0 && !allowEmpty) return new CommitOutcome(null, rejected.ToImmutable());
        var produced = Propose(candidates, allowEmpty);
        rejected.AddRange(produced.Rejected);
        if (produced.Block is null) return new CommitOutcome(null, rejected.ToImmutable());

        Persist(produced.Block, produced.Receipts);
        return new CommitOutcome(produced, rejected.ToImmutable());
    }

    /// <summary>
    /// Produces and signs the next block from signature-checked candidates on <see cref="State"/> without storing it
    /// (a cluster leader replicates it first). The state moves to the new block; if the block is then not committed,
    /// <see cref="Reload"/> puts the state back to the stored chain.
    /// </summary>
    public ProducedBlock Propose(IReadOnlyList<SignedTransaction> candidates, bool allowEmpty)
    {
        ulong now = (ulong)_clock.GetUtcNow().ToUnixTimeMilliseconds();
        return BlockExecutor.Produce(State, candidates, now, Key, allowEmpty);
    }

    /// <summary>Checks and applies a committed block to <see cref="State"/> without storing it; on failure nothing changes.</summary>
    public AppliedBlock Apply(Block block, SignatureChecks checks) => BlockExecutor.Apply(State, block, checks);

    /// <summary>
    /// Stores a block that <see cref="State"/> has reached, with its receipts, the signatures it carries and this
    /// node's own signature of its header, in one durable transaction; takes a snapshot every
    /// <see cref="SnapshotInterval"/> blocks. Returns this node's signature.
    /// </summary>
    public BlockSignature Persist(Block block, ImmutableArray<Receipt> receipts)
    {
        var header = block.Header;
        var own = block.Signatures.FirstOrDefault(s => s.Validator == Key.PublicKey) ?? BlockSignature.Sign(header, Key);
        var signatures = block.Signatures.Where(s => s.Validator != Key.PublicKey).Append(own)
            .Select(s => (s.Validator.Bytes.ToArray(), s.Signature)).ToList();
        _store.AppendBlock(header.Height, header.Hash().ToArray(), block.Encode(), ReceiptCodec.Encode(receipts), signatures);
        if (SnapshotInterval != 0 && header.Height % SnapshotInterval == 0 && State.Head.Height == header.Height) TakeSnapshot();
        return own;
    }

    /// <summary>Rebuilds <see cref="State"/> from the store (newest snapshot, then the blocks after it).</summary>
    public void Reload() => State = Recover(Genesis, _store);

    /// <summary>
    /// Adopts a state received from another validator (a snapshot newer than this node's chain) and stores it as the
    /// newest snapshot; the blocks below it are not in this node's store.
    /// </summary>
    public void Install(LedgerState state, byte[] encoded)
    {
        State = state;
        _store.SaveSnapshot(state.Head.Height, state.Head.StateRoot.ToArray(), encoded);
    }

    /// <summary>The height the store holds: its newest block, or a newer installed snapshot.</summary>
    public ulong StoredHeight() => Math.Max(_store.LatestHeight(), _store.LatestSnapshotHeight());

    /// <summary>Records another validator's signature of the stored header at a height (checked by the caller).</summary>
    public void AddSignature(ulong height, BlockSignature signature) =>
        _store.AddSignature(height, signature.Validator.Bytes.ToArray(), signature.Signature);

    /// <summary>Every stored validator signature of the header at a height.</summary>
    public ImmutableArray<BlockSignature> ReadSignatures(ulong height) =>
        [.. _store.ReadSignatures(height).Select(s => new BlockSignature(new PublicKey(s.Validator), s.Signature))];

    /// <summary>The stored block's canonical encoding, or null.</summary>
    public byte[]? ReadRawBlock(ulong height) => _store.ReadBlock(height);

    /// <summary>Stores a snapshot of the current state so the next start replays fewer blocks.</summary>
    public void TakeSnapshot() => TakeSnapshot(StateSnapshot.Encode(State));

    /// <summary>Stores the current state's snapshot encoding, made by the caller, as the newest snapshot.</summary>
    public void TakeSnapshot(byte[] encoded) =>
        _store.SaveSnapshot(State.Head.Height, State.Head.StateRoot.ToArray(), encoded);

    /// <summary>The stored block at a height, or null.</summary>
    public Block? ReadBlock(ulong height)
    {
        var bytes = _store.ReadBlock(height);
        if (bytes is null) return null;
        return Block.TryDecode(bytes, out var block) == ResultCode.Ok
            ? block
            : throw new UserFacingException("store_corrupt", $"stored block {height} does not decode");
    }

    /// <summary>The stored receipts of a block, or empty.</summary>
    public ImmutableArray<Receipt> ReadReceipts(ulong height)
    {
        var bytes = _store.ReadReceipts(height);
        if (bytes is null) return [];
        return ReceiptCodec.TryDecode(bytes, out var receipts) == ResultCode.Ok
            ? receipts
            : throw new UserFacingException("store_corrupt", $"stored receipts of block {height} do not decode");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _store.Dispose();
        Key.Dispose();
    }
}
