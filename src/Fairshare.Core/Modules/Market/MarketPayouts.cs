using Fairshare.Core.Modules.Math;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// Every movement of a job's FSH out of the escrow: paying an executor (protocol fee, burn, the rest through the
/// provider's stake pool), paying arbiters, and refunding the client. Each keeps the job's Escrow/Paid/Refunded books.
/// </summary>
internal static class MarketPayouts
{
    /// <summary>
    /// Pays slot <paramref name="index"/> its price from the escrow: <see cref="MarketParams.ProtocolFeeBps"/> of it is the
    /// protocol fee, of which <see cref="MarketParams.FeeBurnBps"/> is burned and the rest goes to the treasury (both
    /// <see cref="FlowTag.ProtocolFee"/>); the remainder goes through <see cref="StakingModule.PayProvider"/>
    /// (<see cref="FlowTag.JobPayment"/>).
    /// </summary>
    public static Job PayExecutor(TxContext context, MarketParams parameters, Job job, int index)
    {
        var slot = job.Slots[index];
        var price = slot.Price;
        var fee = Checked.Bps(price, parameters.ProtocolFeeBps);
        var burn = Checked.Bps(fee, parameters.FeeBurnBps);
        var escrow = MarketStore.EscrowAccount;
        Must(context.Move(escrow, context.State.Params.Treasury, AssetId.Fsh, fee - burn, FlowTag.ProtocolFee));
        Must(context.Burn(AssetId.Fsh, escrow, burn, FlowTag.ProtocolFee));
        Must(StakingModule.PayProvider(context, escrow, slot.Provider, price - fee));
        var paidSlot = slot with { Paid = slot.Paid + price, Earned = slot.Earned + (price - fee) };
        return job.WithSlot(index, paidSlot) with { Escrow = job.Escrow - price, Paid = job.Paid + price, Burned = job.Burned + burn };
    }

    /// <summary>
    /// Pays the honest arbiters their prices from <paramref name="pot"/> held by <paramref name="source"/> (pro rata when
    /// it is short), through their stake pools. Returns what was paid in all; each arbiter's slot records its pay
    /// (<see cref="JobSlot.Earned"/>, and <see cref="JobSlot.Paid"/> when <paramref name="fromEscrow"/>).
    /// </summary>
    public static Amount PayArbiters(TxContext context, ref Job job, IReadOnlyList<int> arbiters, Address source, Amount pot, bool fromEscrow)
    {
        var total = Amount.Zero;
        foreach (int a in arbiters) total += job.Slots[a].Price;
        var paid = Amount.Zero;
        if (total.IsZero) return paid;
        foreach (int a in arbiters)
        {
            var slot = job.Slots[a];
            var pay = pot >= total ? slot.Price : Checked.MulDiv(slot.Price, pot, total);
            Must(StakingModule.PayProvider(context, source, slot.Provider, pay));
            job = job.WithSlot(a, slot with { Paid = fromEscrow ? slot.Paid + pay : slot.Paid, Earned = slot.Earned + pay });
            paid += pay;
        }

        return paid;
    }

    /// <summary>Returns the job's remaining escrow to its client (<see cref="FlowTag.Refund"/>).</summary>
    public static ResultCode Refund(TxContext context, Job job, out Job refunded)
    {
        refunded = job;
        var code = context.Move(MarketStore.EscrowAccount, job.Client, AssetId.Fsh, job.Escrow, FlowTag.Refund);
        if (code != ResultCode.Ok) return code;
        refunded = job with { Escrow = Amount.Zero, Refunded = job.Refunded + job.Escrow };
        return ResultCode.Ok;
    }

    /// <summary>A value movement inside the end-of-block pass must succeed: the books say the FSH is there.</summary>
    public static void Must(ResultCode code)
    {
        if (code != ResultCode.Ok) throw new InvalidOperationException($"market end-of-block movement failed: {code}");
    }
}
