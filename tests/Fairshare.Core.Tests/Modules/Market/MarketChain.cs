using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// A <see cref="MarketHarness"/> for hand-driven scenarios: five providers named alpha to epsilon (prices 10 to 14 base
/// units per work unit, capacity 4, lowest-price matching unless told otherwise), transactions that must pass or be
/// refused without a trace, and the chain's records at hand.
/// </summary>
internal sealed class MarketChain
{
    public static readonly string[] Names = ["alpha", "beta", "gamma", "delta", "epsilon"];

    private MarketChain(MarketHarness harness) => Harness = harness;

    public MarketHarness Harness { get; }

    public Core.Ledger.State.LedgerState State => Harness.State;

    public ulong Height => Harness.Height;

    /// <summary>The five providers, all manual unless <paramref name="behaviour"/> says otherwise for some.</summary>
    public static MarketChain Create(Func<string, ProviderBehaviour>? behaviour = null, Func<MarketParams, MarketParams>? parameters = null, double cheatFraction = 1)
    {
        var profiles = Names.Select((name, i) => new ProviderProfile(
            name, new Amount((ulong)(10 + i)), 4, behaviour?.Invoke(name) ?? ProviderBehaviour.Manual, cheatFraction)).ToList();
        return new MarketChain(MarketHarness.Create(profiles, new Random(7), clients: 2,
            p => (parameters ?? (q => q))(p with { MatchingPolicy = MatchingPolicy.LowestPrice })));
    }

    public Address Address(string name) => Harness.Address(name);

    public Amount Balance(string name) => State.BalanceOf(Address(name), AssetId.Fsh);

    public Amount Balance(Address account) => State.BalanceOf(account, AssetId.Fsh);

    public Job Job(ulong id) => MarketStore.Job(State, id)!;

    public ProviderRecord Provider(string name) => Harness.Provider(name);

    /// <summary>One block with exactly these transactions, which must all pass; returns every receipt (the end-of-block one last).</summary>
    public ImmutableArray<Receipt> Ok(params (string From, TxPayload Payload)[] steps)
    {
        var produced = Harness.StepOnly(steps);
        Assert.True(produced.Rejected.IsEmpty, string.Join(", ", produced.Rejected.Select(r => $"{r.Transaction.Body.Payload.Kind}: {r.Code}")));
        return produced.Receipts;
    }

    /// <summary>The end-of-block receipt's events of one block with these transactions (empty when nothing moved).</summary>
    public IReadOnlyList<LedgerEvent> EndBlockEvents(params (string From, TxPayload Payload)[] steps) =>
        Ok(steps).Where(r => r.TxId == EndBlock.ReceiptId).SelectMany(r => r.Events).ToList();

    /// <summary>A block with one transaction that must be refused with <paramref name="code"/>, leaving every account and record as it was.</summary>
    public void Refused(string from, TxPayload payload, ResultCode code)
    {
        var root = State.ComputeRoot();
        var fingerprint = Harness.Chain.Fingerprint();
        var produced = Harness.StepOnly((from, payload));
        Assert.Equal(code, Assert.Single(produced.Rejected).Code);
        Assert.Equal(fingerprint, Harness.Chain.Fingerprint());
        Assert.Equal(root, State.ComputeRoot());
    }

    /// <summary>Steps the simulated market (at least one block) until no job is active; returns every event of those blocks.</summary>
    public List<LedgerEvent> RunToEnd(int maxBlocks = 30)
    {
        var events = new List<LedgerEvent>();
        for (int i = 0; i < maxBlocks && (i == 0 || MarketStore.ActiveJobIds(State).Count > 0); i++)
            events.AddRange(Harness.Step().Receipts.SelectMany(r => r.Events));
        Assert.Empty(MarketStore.ActiveJobIds(State));
        return events;
    }

    /// <summary>Empty blocks.</summary>
    public void Blocks(int count)
    {
        for (int i = 0; i < count; i++) Harness.StepOnly();
    }

    /// <summary>Submits a job in its own block (matched at that block's end) and returns its id.</summary>
    public ulong Submit(JobSpec spec, string client = "client-0")
    {
        Ok((client, new MarketSubmitJobPayload(spec)));
        return MarketStore.Jobs(State).Last().Id;
    }

    /// <summary>The commit payload of an output with a salt, as the slot's provider would send it.</summary>
    public MarketCommitPayload Commit(ulong job, byte slot, Hash32 output, Hash32 salt) =>
        new(job, slot, MarketCommitment.Compute(output, salt, Job(job).Slots[slot].Provider));

    /// <summary>Which of the five providers holds a slot.</summary>
    public string Holder(ulong job, int slot) => Names.Single(n => Address(n) == Job(job).Slots[slot].Provider);

    public static Hash32 Salt(byte seed) => Hash32.Compute([seed, 0x5a]);
}
