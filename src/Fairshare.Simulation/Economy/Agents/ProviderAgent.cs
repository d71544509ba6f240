using System.Numerics;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A compute provider: hardware (benchmark score, capacity), a cost per work unit and a price (cost × markup to start),
/// an honesty (a cheater reveals a wrong output on a share of its executing slots), and a bond. It bonds and registers
/// in the first block, heartbeats, executes its slots (taking work units / speed blocks when a speed is set), commits and
/// reveals them (arbiters vote by comparing outputs with its own), and deregisters when its income over a window stays
/// below its fixed and variable costs. Under adaptive pricing it reprices every period by how much of its capacity was
/// in use: idle, it cuts its price by a step (never below its cost); busy, it raises it (never above the ceiling).
/// </summary>
internal sealed class ProviderAgent : EconomyAgent
{
    /// <summary>FSH each provider bonds (above the default <c>stake.min-self-bond</c> of 100).</summary>
    public const double BondFsh = 200;

    private readonly Dictionary<(ulong Job, byte Slot), (Hash32 Output, Hash32 Salt)> _secrets = [];
    private readonly double _cheatRate;
    private readonly double _fixedCost;
    private readonly int _window;
    private readonly EconomyParameters _p;
    private readonly Amount _floor;
    private readonly Amount _ceiling;
    private double _windowIncome;
    private double _windowUnits;
    private long _periodSlotBlocks;

    public ProviderAgent(int index, ulong seed, EconomyParameters p, double cost, ushort capacity, ulong score, bool cheater)
        : base($"provider-{index}", seed, 1_000 + (ulong)index)
    {
        _p = p;
        Cost = cost;
        Cheater = cheater;
        _cheatRate = cheater ? p.CheatRate : 0;
        _fixedCost = p.ProviderFixedCost + p.FixedCostShare * cost * capacity * p.ProviderSpeed * score / 1_000;
        _window = p.ExitAfterBlocks;
        // Prices are whole micro-FSH. The floor is the price whose payment after the protocol fee covers the cost, rounded
        // up, so no price ever pays the provider less than its cost.
        double feeShare = MarketParams.Default.ProtocolFeeBps / (double)Units.BpsDenominator;
        _floor = TokenUnits.Exact(new BigInteger(Math.Ceiling(cost / (1 - feeShare) * 1e6)) * BigInteger.Pow(10, 12));
        _ceiling = TokenUnits.Tokens(cost * p.PriceCeilingMarkup);
        if (_ceiling < _floor) _ceiling = _floor;
        var price = TokenUnits.Tokens(cost * p.ProviderMarkup);
        Offer = new ProviderOffer(DeviceClass.Gpu, 24_576, score, price < _floor ? _floor : price, capacity, "sim", 300,
            (byte)(index * 37 % 101), $"simulated GPU {index}");
    }

    /// <summary>Its cost per work unit, FSH.</summary>
    public double Cost { get; }

    /// <summary>Whether it cheats.</summary>
    public bool Cheater { get; }

    /// <summary>The offer it registered last (its price moves under adaptive pricing).</summary>
    public ProviderOffer Offer { get; private set; }

    /// <summary>The lowest price it ever asks: its cost over (1 − the protocol fee), in micro-FSH rounded up.</summary>
    public Amount PriceFloor => _floor;

    /// <summary>Blocks × slots it held pending (in use), over the run while registered.</summary>
    public long SlotBlocks { get; private set; }

    /// <summary>Blocks × capacity while registered (the denominator of its utilization).</summary>
    public long CapacityBlocks { get; private set; }

    /// <summary>Whether it left the market.</summary>
    public bool Exited { get; private set; }

    /// <summary>Wrong outputs it revealed.</summary>
    public int WrongReveals { get; private set; }

    public override void Act(EconomyWorld world)
    {
        ulong next = world.Next;
        if (next == 1)
        {
            world.Send(Key, new StakeSelfBondPayload(TokenUnits.Tokens(BondFsh), 0));
            world.Send(Key, new MarketRegisterPayload(Offer));
            return;
        }

        var slots = world.SlotsOf(Address);
        foreach (var (job, slot) in slots) ActOn(world, job, slot);
        if (Exited) return;
        _periodSlotBlocks += slots.Count;
        SlotBlocks += slots.Count;
        CapacityBlocks += Offer.Capacity;
        if (_p.AdaptivePricing && next % (ulong)_p.RepriceEveryBlocks == 0) Reprice(world);
        uint heartbeat = Math.Max(1, MarketStore.Params(world.State).HeartbeatTimeoutBlocks / 2);
        if (next % heartbeat == 0) world.Send(Key, new MarketHeartbeatPayload());
        if (_window > 0 && next % (ulong)_window == 0) JudgeProfit(world);
    }

    /// <summary>
    /// Adaptive pricing: the share of its capacity in use over the period decides: below the idle share, a step down
    /// (floored at cost); above the busy share, a step up (capped at the ceiling); a new price is a new offer.
    /// </summary>
    private void Reprice(EconomyWorld world)
    {
        double utilization = (double)_periodSlotBlocks / ((double)Offer.Capacity * _p.RepriceEveryBlocks);
        _periodSlotBlocks = 0;
        double price = TokenUnits.ToTokens(Offer.PricePerWorkUnit);
        double target = utilization < _p.IdleUtilization ? price * (1 - _p.PriceStep)
            : utilization > _p.BusyUtilization ? price * (1 + _p.PriceStep)
            : price;
        var next = TokenUnits.Tokens(target);
        if (next < _floor) next = _floor;
        if (next > _ceiling) next = _ceiling;
        if (next == Offer.PricePerWorkUnit) return;
        Offer = Offer with { PricePerWorkUnit = next };
        world.Send(Key, new MarketRegisterPayload(Offer));
    }

    /// <summary>Income over the window against fixed costs and the cost of the work done: a loss means leaving.</summary>
    private void JudgeProfit(EconomyWorld world)
    {
        double income = TokenUnits.ToTokens(world.Book.Income[Address]);
        double profit = income - _windowIncome - _fixedCost * _window - Cost * _windowUnits;
        _windowIncome = income;
        _windowUnits = 0;
        if (profit >= 0) return;
        world.Send(Key, new MarketDeregisterPayload());
        Exited = true;
    }

    private void ActOn(EconomyWorld world, Job job, byte slot)
    {
        var s = job.Slots[slot];
        if (s.Status == SlotStatus.Assigned)
        {
            if (world.Next < s.AssignedHeight + ExecutionBlocks(job.Spec.WorkUnits)) return;
            bool executing = s.Role != SlotRole.Arbiter;
            bool cheats = executing && _cheatRate > 0 && Uniform() < _cheatRate;
            var output = cheats ? EconomyWorld.Wrong(job.Spec, Address) : EconomyWorld.Truth(job.Spec);
            if (cheats) WrongReveals++;
            if (executing) _windowUnits += job.Spec.WorkUnits;
            var salt = RandomHash();
            _secrets[(job.Id, slot)] = (output, salt);
            world.Send(Key, new MarketCommitPayload(job.Id, slot, MarketCommitment.Compute(output, salt, Address)));
        }
        else if (job.RevealOpen(slot) && _secrets.Remove((job.Id, slot), out var secret))
        {
            uint mask = s.Role == SlotRole.Arbiter ? AgreeMask(job, secret.Output) : 0;
            world.Send(Key, new MarketRevealPayload(job.Id, slot, secret.Output, secret.Salt, mask));
        }
    }

    /// <summary>Blocks it takes to execute a job: work units over (speed × benchmark score / 1,000), rounded up; 0 without a speed.</summary>
    private ulong ExecutionBlocks(ulong workUnits) =>
        _p.ProviderSpeed <= 0 ? 0 : (ulong)Math.Ceiling(workUnits / (_p.ProviderSpeed * Offer.BenchmarkScore / 1_000.0));

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
}
