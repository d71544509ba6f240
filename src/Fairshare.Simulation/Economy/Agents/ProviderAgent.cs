using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A compute provider: hardware (benchmark score, capacity), a cost per work unit and a price (cost × markup), an
/// honesty (a cheater reveals a wrong output on a share of its executing slots), and a bond. It bonds and registers in
/// the first block, heartbeats, commits and reveals its slots (arbiters vote by comparing outputs with its own), and
/// deregisters when its income over a window stays below its fixed and variable costs.
/// </summary>
internal sealed class ProviderAgent : EconomyAgent
{
    /// <summary>FSH each provider bonds (above the default <c>stake.min-self-bond</c> of 100).</summary>
    public const double BondFsh = 200;

    private readonly Dictionary<(ulong Job, byte Slot), (Hash32 Output, Hash32 Salt)> _secrets = [];
    private readonly double _cheatRate;
    private readonly double _fixedCost;
    private readonly int _window;
    private double _windowIncome;
    private double _windowUnits;

    public ProviderAgent(int index, ulong seed, EconomyParameters p, double cost, ushort capacity, ulong score, bool cheater)
        : base($"provider-{index}", seed, 1_000 + (ulong)index)
    {
        Cost = cost;
        Cheater = cheater;
        _cheatRate = cheater ? p.CheatRate : 0;
        _fixedCost = p.ProviderFixedCost;
        _window = p.ExitAfterBlocks;
        Offer = new ProviderOffer(DeviceClass.Gpu, 24_576, score, Units.Tokens(cost * p.ProviderMarkup), capacity, "sim", 300,
            (byte)(index * 37 % 101), $"simulated GPU {index}");
    }

    /// <summary>Its cost per work unit, FSH.</summary>
    public double Cost { get; }

    /// <summary>Whether it cheats.</summary>
    public bool Cheater { get; }

    /// <summary>The offer it registers.</summary>
    public ProviderOffer Offer { get; }

    /// <summary>Whether it left the market.</summary>
    public bool Exited { get; private set; }

    /// <summary>Wrong outputs it revealed.</summary>
    public int WrongReveals { get; private set; }

    public override void Act(EconomyWorld world)
    {
        ulong next = world.Next;
        if (next == 1)
        {
            world.Send(Key, new StakeSelfBondPayload(Units.Tokens(BondFsh), 0));
            world.Send(Key, new MarketRegisterPayload(Offer));
            return;
        }

        foreach (var (job, slot) in world.SlotsOf(Address)) ActOn(world, job, slot);
        if (Exited) return;
        uint heartbeat = Math.Max(1, MarketStore.Params(world.State).HeartbeatTimeoutBlocks / 2);
        if (next % heartbeat == 0) world.Send(Key, new MarketHeartbeatPayload());
        if (_window > 0 && next % (ulong)_window == 0) JudgeProfit(world);
    }

    /// <summary>Income over the window against fixed costs and the cost of the work done: a loss means leaving.</summary>
    private void JudgeProfit(EconomyWorld world)
    {
        double income = Units.ToTokens(world.Book.Income[Address]);
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
