using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy;

/// <summary>
/// The chain the agents act on: the real ledger state, one validator, and a queue of transactions for the next block.
/// Transactions carry a placeholder signature: block production does not check signatures (they are checked where
/// transactions enter a node), so the simulation runs the same execution path as a signed chain, only faster.
/// Before the agents act, the world decodes the active jobs once and hands each provider its open slots.
/// </summary>
internal sealed class EconomyWorld
{
    /// <summary>The simulated chain's id.</summary>
    public const string ChainId = "fairshare-sim";

    /// <summary>The fee every simulated transaction pays (the chain's minimum).</summary>
    public static readonly Amount MinFee = new(1_000);

    private static readonly byte[] PlaceholderSignature = new byte[64];
    private readonly List<SignedTransaction> _queue = [];
    private readonly Dictionary<Address, ulong> _nonces = [];
    private readonly Dictionary<Address, List<(Job Job, byte Slot)>> _slots = [];
    private readonly HashSet<Hash32> _rejected = [];

    public EconomyWorld(LedgerState state, KeyPair validator, EconomyParameters parameters, EconomyBook book)
    {
        State = state;
        Validator = validator;
        Parameters = parameters;
        Book = book;
    }

    /// <summary>The live ledger state.</summary>
    public LedgerState State { get; }

    /// <summary>The only validator (it signs the block headers).</summary>
    public KeyPair Validator { get; }

    /// <summary>The run's parameters.</summary>
    public EconomyParameters Parameters { get; }

    /// <summary>What the run measures.</summary>
    public EconomyBook Book { get; }

    /// <summary>The height of the block being built.</summary>
    public ulong Next => State.Head.Height + 1;

    /// <summary>The timestamp, in seconds, of the block being built (blocks are one second apart).</summary>
    public ulong NextSeconds => (State.Head.TimestampMs + 1000) / 1000;

    /// <summary>Transactions the last block left out (their steps failed, so nothing of them happened).</summary>
    public int RejectedCount { get; private set; }

    /// <summary>The FSH/USDF AMM pool, once created.</summary>
    public Pool? AmmPool => AmmPools.Find(State, AssetId.Fsh, AssetId.Usdf);

    /// <summary>The FSH/USDF StableSwap pool, once created.</summary>
    public StablePool? StablePool => StablePools.Get(State, 1);

    /// <summary>USDF per FSH at the AMM pool's reserves (0 before it has liquidity).</summary>
    public double AmmPrice
    {
        get
        {
            if (AmmPool is not { } pool || pool.Reserve0.IsZero || pool.Reserve1.IsZero) return 0;
            var (fsh, usdf) = pool.Asset0 == AssetId.Fsh ? (pool.Reserve0, pool.Reserve1) : (pool.Reserve1, pool.Reserve0);
            return TokenUnits.ToTokens(usdf) / TokenUnits.ToTokens(fsh);
        }
    }

    /// <summary>Queues a transaction from <paramref name="key"/> for the next block, with its next nonce.</summary>
    public SignedTransaction Send(KeyPair key, TxPayload payload)
    {
        if (!_nonces.TryGetValue(key.Address, out ulong nonce)) nonce = State.Find(key.Address)?.Nonce ?? 0;
        _nonces[key.Address] = nonce + 1;
        var tx = new SignedTransaction(new Transaction(ChainId, nonce, MinFee, payload), key.PublicKey, PlaceholderSignature);
        _queue.Add(tx);
        return tx;
    }

    /// <summary>Whether the last block left this transaction out.</summary>
    public bool WasRejected(SignedTransaction tx) => _rejected.Contains(tx.Id);

    /// <summary>The slots a provider must act on this block (assigned: commit; committed: reveal once open).</summary>
    public IReadOnlyList<(Job Job, byte Slot)> SlotsOf(Address provider) =>
        _slots.TryGetValue(provider, out var slots) ? slots : [];

    /// <summary>Decodes the active jobs once and sorts their pending slots by provider (before the agents act).</summary>
    public void BeginBlock()
    {
        _slots.Clear();
        foreach (ulong id in MarketStore.ActiveJobIds(State))
        {
            var job = MarketStore.Job(State, id)!;
            if (job.State is not (JobState.Running or JobState.Disputed)) continue;
            for (int i = 0; i < job.Slots.Length; i++)
            {
                var slot = job.Slots[i];
                if (!slot.IsPending) continue;
                if (!_slots.TryGetValue(slot.Provider, out var list)) _slots[slot.Provider] = list = [];
                list.Add((job, (byte)i));
            }
        }
    }

    /// <summary>Produces the next block from the queue (one second after the head) and clears the queue.</summary>
    public ProducedBlock Produce()
    {
        var produced = BlockExecutor.Produce(State, _queue, State.Head.TimestampMs + 1000, Validator, allowEmpty: true);
        _queue.Clear();
        _nonces.Clear();
        _rejected.Clear();
        foreach (var rejected in produced.Rejected) _rejected.Add(rejected.Transaction.Id);
        RejectedCount = produced.Rejected.Length;
        return produced;
    }

    /// <summary>The true output of a job: what honest providers return (a deterministic function of the job).</summary>
    public static Hash32 Truth(JobSpec spec) => Hash32.Compute([.. "truth"u8, .. spec.Input.ToArray()]);

    /// <summary>A cheater's wrong output for a job.</summary>
    public static Hash32 Wrong(JobSpec spec, Address provider) => Hash32.Compute([.. "wrong"u8, .. spec.Input.ToArray(), .. provider.ToArray()]);
}
