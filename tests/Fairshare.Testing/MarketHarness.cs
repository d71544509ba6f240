using System.Collections.Immutable;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Testing;

/// <summary>
/// A compute market on a <see cref="TestChain"/> driven through real transactions and blocks: N providers that bond
/// and register, clients that submit jobs, and providers that act each block by their <see cref="ProviderBehaviour"/>
/// (honest, cheating on a fraction of slots, or slow). Arbiters vote by comparing the disputed hashes with the true
/// output. Every choice that needs chance (which slots a cheater falsifies, salts) comes from the test's seeded
/// <see cref="Random"/>. Transactions carry a placeholder signature: block production does not check signatures (they
/// are checked where transactions enter), so the harness runs the same execution path as signed blocks, only faster.
/// </summary>
public sealed class MarketHarness
{
    /// <summary>FSH each provider bonds.</summary>
    public static readonly Amount Bond = Fsh(1_000);

    private static readonly byte[] PlaceholderSignature = new byte[64];
    private readonly Random _random;
    private readonly List<(string From, TxPayload Payload)> _queued = [];
    private readonly Dictionary<(ulong Job, int Slot), (Hash32 Output, Hash32 Salt)> _secrets = [];
    private readonly Dictionary<Hash32, (Hash32 Expected, Hash32 Salt)> _canaries = [];
    private readonly Action<ProducedBlock>? _onBlock;

    private MarketHarness(TestChain chain, IReadOnlyList<ProviderProfile> providers, IReadOnlyList<string> clients, Random random, Action<ProducedBlock>? onBlock)
    {
        Chain = chain;
        Providers = providers;
        Clients = clients;
        _random = random;
        _onBlock = onBlock;
    }

    /// <summary>The chain.</summary>
    public TestChain Chain { get; }

    /// <summary>The live state.</summary>
    public LedgerState State => Chain.State;

    /// <summary>The simulated providers.</summary>
    public IReadOnlyList<ProviderProfile> Providers { get; }

    /// <summary>The client key names.</summary>
    public IReadOnlyList<string> Clients { get; }

    /// <summary>The head block's height.</summary>
    public ulong Height => State.Head.Height;

    /// <summary>Whole FSH in base units.</summary>
    public static Amount Fsh(ulong whole) => new Amount(whole) * Units.OneFsh;

    /// <summary>
    /// A chain whose genesis funds the providers (10,000 FSH) and clients (1,000,000 FSH), with the market parameters
    /// changed by <paramref name="parameters"/>, and one block in which every provider bonds <see cref="Bond"/> and
    /// registers its offer. <paramref name="onBlock"/> sees every block produced, that first one included (to replay the
    /// chain elsewhere, e.g. into a node's store).
    /// </summary>
    public static MarketHarness Create(
        IReadOnlyList<ProviderProfile> providers, Random random, int clients = 2, Func<MarketParams, MarketParams>? parameters = null, Action<ProducedBlock>? onBlock = null)
    {
        var clientNames = Enumerable.Range(0, clients).Select(i => $"client-{i}").ToList();
        var genesis = TestChain.CreateGenesis();
        var extra = providers.Select(p => Allocation(p.Name, Fsh(10_000))).Concat(clientNames.Select(c => Allocation(c, Fsh(1_000_000))));
        var chain = TestChain.Create(genesis with { Allocations = genesis.Allocations.AddRange(extra) });
        var harness = new MarketHarness(chain, providers, clientNames, random, onBlock);
        if (parameters is not null)
        {
            MarketStore.SetParams(chain.State, parameters(MarketStore.Params(chain.State)));
            chain.State.Commit();
        }

        foreach (var provider in providers)
        {
            harness.Queue(provider.Name, new StakeSelfBondPayload(Bond, 0));
            harness.Queue(provider.Name, new MarketRegisterPayload(provider.Offer));
        }

        var produced = harness.Step();
        if (!produced.Rejected.IsEmpty) throw new InvalidOperationException($"provider setup refused: {produced.Rejected[0].Code}");
        return harness;
    }

    /// <summary>A spec with the harness defaults: a 10-work-unit kernel job, cap 100 base units per unit, 10-block deadline.</summary>
    public static JobSpec Spec(VerificationPolicy policy, byte replicas = 1, ulong input = 1, Amount? cap = null, uint deadlineBlocks = 10) =>
        new(JobKind.Kernel, default, InputHash(input), 0, DeviceClass.Any, 10, cap ?? new Amount(100), deadlineBlocks, policy, replicas,
            Hash32.Compute(BitConverter.GetBytes(input ^ 0x5EA1)), default);

    /// <summary>An input blob hash for a number.</summary>
    public static Hash32 InputHash(ulong input) => Hash32.Compute([.. "input"u8, .. BitConverter.GetBytes(input)]);

    /// <summary>The true output of a job (what honest providers return).</summary>
    public static Hash32 Truth(JobSpec spec) => Hash32.Compute([.. "truth"u8, .. spec.Input.ToArray(), .. spec.Model.ToArray()]);

    /// <summary>The address of a named key.</summary>
    public Address Address(string name) => Chain.Key(name).Address;

    /// <summary>A provider's market record.</summary>
    public ProviderRecord Provider(string name) => MarketStore.Provider(State, Address(name))!;

    /// <summary>Queues a transaction for the next block.</summary>
    public void Queue(string from, TxPayload payload) => _queued.Add((from, payload));

    /// <summary>Queues a job submission for the next block.</summary>
    public void Submit(string client, JobSpec spec) => Queue(client, new MarketSubmitJobPayload(spec));

    /// <summary>
    /// Queues a known-answer (canary) job whose seal hides the true output, or a wrong one when <paramref name="lie"/>;
    /// the client reveals it as soon as the job waits for it.
    /// </summary>
    public void SubmitCanary(string client, JobSpec spec, bool lie = false)
    {
        var expected = lie ? Hash32.Compute([.. "lie"u8, .. spec.Input.ToArray()]) : Truth(spec);
        var salt = RandomHash();
        var sealedSpec = spec with { Policy = VerificationPolicy.Canary, Replicas = 1, Seal = MarketCommitment.Seal(expected, salt) };
        _canaries[sealedSpec.Seal] = (expected, salt);
        Submit(client, sealedSpec);
    }

    /// <summary>
    /// Produces the next block: every provider's actions (commit assigned slots, reveal open ones, heartbeat when half
    /// the timeout has passed) and the canary clients' reveals, then the queued transactions. A simulated transaction
    /// must never be refused; queued ones may be (the returned block reports them).
    /// </summary>
    public ProducedBlock Step()
    {
        var steps = new List<(string From, TxPayload Payload)>(ProviderActions());
        steps.AddRange(CanaryReveals());
        int simulated = steps.Count;
        steps.AddRange(_queued);
        _queued.Clear();
        return Produce(steps, simulated);
    }

    /// <summary>Produces a block with exactly these transactions (nothing queued, no simulated action), in order.</summary>
    public ProducedBlock StepOnly(params (string From, TxPayload Payload)[] steps) => Produce(steps, 0);

    /// <summary>Produces a block of the steps; the first <paramref name="simulated"/> are the simulated actions and must pass.</summary>
    private ProducedBlock Produce(IReadOnlyList<(string From, TxPayload Payload)> steps, int simulated)
    {
        var nonces = new Dictionary<string, ulong>();
        var transactions = new List<SignedTransaction>(steps.Count);
        foreach (var (from, payload) in steps)
        {
            var key = Chain.Key(from);
            if (!nonces.TryGetValue(from, out ulong nonce)) nonce = State.Find(key.Address)?.Nonce ?? 0;
            nonces[from] = nonce + 1;
            transactions.Add(new SignedTransaction(new Transaction(TestChain.Id, nonce, TestChain.MinFee, payload), key.PublicKey, PlaceholderSignature));
        }

        var produced = Chain.Produce([.. transactions]);
        _onBlock?.Invoke(produced);
        var automatic = transactions.Take(simulated).Select(t => t.Id).ToHashSet();
        foreach (var rejected in produced.Rejected)
        {
            if (automatic.Contains(rejected.Transaction.Id))
                throw new InvalidOperationException($"a simulated {rejected.Transaction.Body.Payload.Kind} was refused: {rejected.Code}");
        }

        return produced;
    }

    /// <summary>Produces blocks until nothing is queued and no job is active (or <paramref name="maxBlocks"/> pass); returns the blocks produced.</summary>
    public int RunUntilIdle(int maxBlocks)
    {
        int blocks = 0;
        while (blocks < maxBlocks && (_queued.Count > 0 || MarketStore.ActiveJobIds(State).Count > 0))
        {
            Step();
            blocks++;
        }

        return blocks;
    }

    private IEnumerable<(string, TxPayload)> ProviderActions()
    {
        ulong next = Height + 1;
        uint heartbeatEvery = Math.Max(1, MarketStore.Params(State).HeartbeatTimeoutBlocks / 2);
        foreach (var profile in Providers)
        {
            var address = Address(profile.Name);
            if (MarketStore.Provider(State, address) is not { } record) continue;
            if (profile.Behaviour == ProviderBehaviour.Manual) continue;
            if (record.Registered && next - record.Stats.LastHeartbeat >= heartbeatEvery) yield return (profile.Name, new MarketHeartbeatPayload());
            if (profile.Behaviour == ProviderBehaviour.Slow) continue;
            foreach (var (job, slot) in MarketStore.OpenSlotsFor(State, address))
            {
                if (job.Slots[slot].Status == SlotStatus.Assigned)
                {
                    var output = Output(job, slot, profile);
                    var salt = RandomHash();
                    _secrets[(job.Id, slot)] = (output, salt);
                    yield return (profile.Name, new MarketCommitPayload(job.Id, slot, MarketCommitment.Compute(output, salt, address)));
                }
                else if (job.RevealOpen(slot))
                {
                    var (output, salt) = _secrets[(job.Id, slot)];
                    uint mask = job.Slots[slot].Role == SlotRole.Arbiter ? AgreeMask(job, output) : 0;
                    yield return (profile.Name, new MarketRevealPayload(job.Id, slot, output, salt, mask));
                }
            }
        }
    }

    private IEnumerable<(string, TxPayload)> CanaryReveals()
    {
        ulong next = Height + 1;
        foreach (ulong id in MarketStore.ActiveJobIds(State))
        {
            var job = MarketStore.Job(State, id)!;
            if (job.ExpectedDeadline == 0 || job.ExpectedRevealed || next > job.ExpectedDeadline) continue;
            if (!_canaries.TryGetValue(job.Spec.Seal, out var secret)) continue;
            var client = Clients.First(c => Address(c) == job.Client);
            yield return (client, new MarketRevealExpectedPayload(id, secret.Expected, secret.Salt));
        }
    }

    /// <summary>The output a provider returns: the truth, except on a cheater's falsified executing slots.</summary>
    private Hash32 Output(Job job, int slot, ProviderProfile profile)
    {
        bool executing = job.Slots[slot].Role != SlotRole.Arbiter;
        bool cheats = profile.Behaviour == ProviderBehaviour.Cheater && executing && _random.NextDouble() < profile.CheatFraction;
        return cheats ? Hash32.Compute([.. "wrong"u8, .. job.Spec.Input.ToArray(), .. Address(profile.Name).ToArray()]) : Truth(job.Spec);
    }

    /// <summary>An arbiter's votes: bit i set when executor slot i revealed the same output as the arbiter's.</summary>
    private static uint AgreeMask(Job job, Hash32 output)
    {
        uint mask = 0;
        for (int i = 0; i < job.Slots.Length; i++)
        {
            var slot = job.Slots[i];
            if (slot.IsExecutor && slot.Status == SlotStatus.Revealed && slot.OutputHash == output) mask |= 1u << i;
        }

        return mask;
    }

    private Hash32 RandomHash()
    {
        var bytes = new byte[Hash32.Size];
        _random.NextBytes(bytes);
        return Hash32.Read(bytes);
    }

    private static GenesisAllocation Allocation(string name, Amount amount) =>
        new(Core.Crypto.KeyPair.ForDevelopment(name).Address, Cohort.Airdrop, name, amount, null);
}
