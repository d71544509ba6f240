using System.Numerics;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy;

/// <summary>
/// What a run measures as it goes: each provider's income (job payments and emission, from the blocks' tagged events),
/// the jobs that closed (cost, work, latency, whether a wrong output was accepted), and the market price clients see.
/// </summary>
internal sealed class EconomyBook
{
    private readonly Dictionary<Address, BigInteger> _income = [];
    private readonly Dictionary<Address, BigInteger> _emission = [];
    private readonly HashSet<ulong> _active = [];

    public EconomyBook(IEnumerable<Address> providers)
    {
        foreach (var p in providers) _income[p] = BigInteger.Zero;
    }

    /// <summary>FSH base units each provider earned so far (every provider, zeros included), in the order given.</summary>
    public IReadOnlyDictionary<Address, BigInteger> Income => _income;

    /// <summary>Emission each provider got so far (providers that got none are absent), base units.</summary>
    public IReadOnlyDictionary<Address, BigInteger> EmissionByProvider => _emission;

    /// <summary>FSH created so far (emission), base units.</summary>
    public BigInteger FshMinted { get; private set; }

    /// <summary>FSH destroyed so far (the burned part of protocol fees), base units.</summary>
    public BigInteger FshBurned { get; private set; }

    /// <summary>Emission paid to providers so far, base units.</summary>
    public BigInteger EmissionToProviders { get; private set; }

    /// <summary>Emission that went to the treasury (rounding, and what the cap left), base units.</summary>
    public BigInteger EmissionToTreasury { get; private set; }

    /// <summary>Jobs submitted (ids given out).</summary>
    public ulong JobsSubmitted { get; private set; }

    /// <summary>Jobs settled.</summary>
    public int JobsSettled { get; private set; }

    /// <summary>Jobs failed or cancelled.</summary>
    public int JobsFailed { get; private set; }

    /// <summary>What clients paid for settled jobs (protocol fee included), base units.</summary>
    public BigInteger Paid { get; private set; }

    /// <summary>Work units of settled jobs.</summary>
    public BigInteger WorkUnits { get; private set; }

    /// <summary>Blocks from submission to settlement, summed over settled jobs.</summary>
    public BigInteger LatencyBlocks { get; private set; }

    /// <summary>Settled jobs whose accepted output was wrong (a cheat nobody checked).</summary>
    public int WrongAccepted { get; private set; }

    /// <summary>The market price clients see: FSH per work unit, a moving average over settled jobs (0 before any).</summary>
    public double MarketPrice { get; private set; }

    /// <summary>Transactions the blocks left out.</summary>
    public long Rejected { get; private set; }

    /// <summary>Books one produced block: income events, and the jobs that left the active list.</summary>
    public void Record(ProducedBlock produced, LedgerState state, int rejected)
    {
        Rejected += rejected;
        foreach (var receipt in produced.Receipts)
        {
            foreach (var e in receipt.Events) Event(e, state);
        }

        var now = MarketStore.ActiveJobIds(state);
        var nowSet = new HashSet<ulong>(now);
        foreach (ulong id in _active)
        {
            if (!nowSet.Contains(id)) Closed(MarketStore.Job(state, id)!);
        }

        foreach (ulong id in now)
        {
            if (_active.Add(id)) JobsSubmitted++;
        }

        _active.IntersectWith(nowSet);
    }

    private void Event(LedgerEvent e, LedgerState state)
    {
        if (e.Asset != AssetId.Fsh) return;
        var amount = e.Amount.ToBigInteger();
        if (e.From == default) FshMinted += amount;
        if (e.To == default) FshBurned += amount;
        if (e.Tag is not (FlowTag.JobPayment or FlowTag.Emission)) return;
        if (_income.TryGetValue(e.To, out var income))
        {
            _income[e.To] = income + amount;
            if (e.Tag != FlowTag.Emission) return;
            EmissionToProviders += amount;
            _emission[e.To] = _emission.GetValueOrDefault(e.To) + amount;
        }
        else if (e.Tag == FlowTag.Emission && e.To == state.Params.Treasury)
        {
            EmissionToTreasury += amount;
        }
    }

    private void Closed(Job job)
    {
        if (job.State != JobState.Settled)
        {
            JobsFailed++;
            return;
        }

        JobsSettled++;
        Paid += job.Paid.ToBigInteger();
        WorkUnits += job.Spec.WorkUnits;
        LatencyBlocks += job.ClosedHeight - job.CreatedHeight;
        if (job.AcceptedOutput != EconomyWorld.Truth(job.Spec)) WrongAccepted++;
        double price = TokenUnits.ToTokens(job.Paid) / job.Spec.WorkUnits;
        MarketPrice = MarketPrice == 0 ? price : 0.9 * MarketPrice + 0.1 * price;
    }
}
