using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A compute client with a demand curve: it submits spot-checked jobs at a rate that falls as the market price (what
/// clients paid per work unit lately) rises towards its willingness to pay, which is also its price cap. At half its
/// willingness it submits <see cref="EconomyParameters.Demand"/> jobs per block; at its willingness, none.
/// </summary>
internal sealed class ClientAgent : EconomyAgent
{
    private readonly double _willingness;
    private readonly double _demand;
    private readonly ulong _workUnits;
    private readonly uint _deadline;
    private ulong _submitted;

    public ClientAgent(int index, ulong seed, EconomyParameters p)
        : base($"client-{index}", seed, 2_000 + (ulong)index)
    {
        _willingness = p.WillingnessToPay * (0.8 + 0.4 * Uniform());
        _demand = p.Demand;
        _workUnits = (ulong)p.JobWorkUnits;
        _deadline = (uint)p.JobDeadlineBlocks;
    }

    /// <summary>Jobs it submitted.</summary>
    public ulong Submitted => _submitted;

    public override void Act(EconomyWorld world)
    {
        if (world.Next < 3) return;
        double price = world.Book.MarketPrice;
        double rate = price <= 0 ? _demand : _demand * Math.Clamp(2 * (1 - price / _willingness), 0, 2);
        int jobs = Count(rate);
        for (int i = 0; i < jobs; i++)
        {
            _submitted++;
            var input = Hash32.Compute([.. "input"u8, .. Address.ToArray(), .. BitConverter.GetBytes(_submitted)]);
            var spec = new JobSpec(JobKind.Kernel, default, input, 0, DeviceClass.Any, _workUnits, TokenUnits.Tokens(_willingness), _deadline,
                VerificationPolicy.SpotCheck, 1, RandomHash(), default);
            world.Send(Key, new MarketSubmitJobPayload(spec));
        }
    }
}
