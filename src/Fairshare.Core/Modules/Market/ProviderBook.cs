using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// The providers as one end-of-block pass sees them: loaded once (in address order), written through on every change.
/// Finds the providers eligible for a job and assigns slots to the best of them under the governed policy.
/// </summary>
internal sealed class ProviderBook
{
    private readonly LedgerState _state;
    private readonly MarketParams _params;
    private readonly Amount _minSelfBond;
    private readonly ulong _height;
    private List<ProviderRecord>? _all;
    private Dictionary<Address, int>? _index;
    private MarketTotals? _totals;

    public ProviderBook(TxContext context, MarketParams parameters)
    {
        _state = context.State;
        _params = parameters;
        _minSelfBond = StakingModule.Params(_state).MinSelfBond;
        _height = context.Height;
    }

    /// <summary>The market-wide counters as of now in this pass.</summary>
    public MarketTotals Totals => _totals ??= MarketStore.Totals(_state);

    /// <summary>Stores new market-wide counters.</summary>
    public void PutTotals(MarketTotals totals)
    {
        _totals = totals;
        MarketStore.PutTotals(_state, totals);
    }

    /// <summary>A provider that must exist (it holds a slot).</summary>
    public ProviderRecord Get(Address provider) =>
        MarketStore.Provider(_state, provider) ?? throw new InvalidOperationException($"slot provider {provider} has no record");

    /// <summary>Applies a change to a provider's record.</summary>
    public void Update(Address provider, Func<ProviderRecord, ProviderRecord> change)
    {
        var record = change(Get(provider));
        MarketStore.PutProvider(_state, record);
        if (_all is not null) _all[_index![provider]] = record;
    }

    /// <summary>A slot of the provider left the pending states (revealed, missed, or its job closed).</summary>
    public void Release(Address provider) => Update(provider, p => p with { OpenSlots = (ushort)(p.OpenSlots - 1) });

    /// <summary>
    /// The providers that may take a slot of <paramref name="job"/> now, in address order: registered, not jailed,
    /// heartbeat fresh, self-bond at least <c>stake.min-self-bond</c>, a free slot, memory, device and price fitting the
    /// spec, and neither the client nor already on the job. A provider's capacity bounds the jobs it executes
    /// (primary and replica slots); verification slots (checker, arbiter) may use it a second time, because a check
    /// must always find a provider: were checks bound by the same capacity, two providers each full of primaries that
    /// wait for the other's check would deadlock until every job failed.
    /// </summary>
    public List<ProviderRecord> Eligible(Job job, SlotRole role = SlotRole.Primary)
    {
        bool verification = role is SlotRole.Checker or SlotRole.Arbiter;
        if (_all is null)
        {
            _all = [.. MarketStore.Providers(_state)];
            _index = [];
            for (int i = 0; i < _all.Count; i++) _index[_all[i].Provider] = i;
        }

        var eligible = new List<ProviderRecord>();
        foreach (var p in _all)
        {
            if (!job.Spec.Fits(p.Offer) || p.Provider == job.Client || job.Slots.Any(s => s.Provider == p.Provider)) continue;
            bool selfBondEnough = StakingModule.SelfBonded(_state, p.Provider) >= _minSelfBond;
            if (ProviderEligibility.Status(p, _height, _params.HeartbeatTimeoutBlocks, selfBondEnough, verification) != ProviderStatus.Available) continue;
            eligible.Add(p);
        }

        return eligible;
    }

    /// <summary>
    /// Appends up to <paramref name="count"/> slots of <paramref name="role"/> to the job, one provider each, best first
    /// (fewer when fewer are eligible or the job's slots are full). Each slot's price is fixed now, its deadline is
    /// <see cref="JobSpec.DeadlineBlocks"/> away, and the provider's load and assigned work grow.
    /// </summary>
    public Job Assign(Job job, int count, SlotRole role)
    {
        if (count <= 0) return job;
        var ranked = MarketMatcher.Rank(_params.MatchingPolicy, Eligible(job, role), Totals.AssignedWorkUnits, job.Spec.Weights, _params.FairShareBandBps);
        int take = count;
        if (ranked.Count < take) take = ranked.Count;
        if (Job.MaxSlots - job.Slots.Length < take) take = Job.MaxSlots - job.Slots.Length;
        ulong work = job.Spec.WorkUnits;
        for (int k = 0; k < take; k++)
        {
            var provider = ranked[k];
            var price = provider.Offer.PricePerWorkUnit * new Amount(work);
            var slot = new JobSlot(provider.Provider, role, SlotStatus.Assigned, _height, _height + job.Spec.DeadlineBlocks, price, default, default, 0);
            job = job with { Slots = job.Slots.Add(slot) };
            Update(provider.Provider, p => p with
            {
                OpenSlots = (ushort)(p.OpenSlots + 1),
                Stats = p.Stats with { AssignedWorkUnits = SaturatingAdd(p.Stats.AssignedWorkUnits, work) },
            });
            PutTotals(Totals with { AssignedWorkUnits = SaturatingAdd(Totals.AssignedWorkUnits, work) });
        }

        return job;
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
