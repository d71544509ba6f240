using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>
/// What counts as income: value that flowed IN to an account as a reward or payment for something it provided.
/// Income: <see cref="FlowTag.JobPayment"/> (providers, and delegators through their pool's reward account),
/// <see cref="FlowTag.ProtocolFee"/> (the treasury's share; the burned part goes to the zero address and is nobody's
/// income), <see cref="FlowTag.Emission"/>, <see cref="FlowTag.SwapFee"/>, <see cref="FlowTag.Interest"/>,
/// <see cref="FlowTag.Vesting"/> (genesis tokens released), <see cref="FlowTag.TxFee"/> and <see cref="FlowTag.Slash"/>
/// (slashed stake reaching the treasury or honest arbiters). Not income, because the receiver gives something of equal
/// value back or merely moves its own value: transfers, swaps' principal, liquidity and stake movements, escrow and its
/// refunds, flash loans, liquidations, issuance and genesis allocations. Nor is what reaches a pass-through account
/// (<see cref="AccountDirectory.IsPassThrough"/>) or the zero address (a burn).
/// </summary>
public static class IncomePolicy
{
    /// <summary>The income tags, in tag order.</summary>
    public static ImmutableArray<FlowTag> IncomeTags { get; } =
        [FlowTag.JobPayment, FlowTag.ProtocolFee, FlowTag.Emission, FlowTag.SwapFee, FlowTag.Interest, FlowTag.Slash, FlowTag.Vesting, FlowTag.TxFee];

    /// <summary>Whether a flow with <paramref name="tag"/> is income to its receiver (the zero address never earns).</summary>
    public static bool IsIncome(FlowTag tag) => tag is FlowTag.JobPayment or FlowTag.ProtocolFee or FlowTag.Emission or FlowTag.SwapFee
        or FlowTag.Interest or FlowTag.Slash or FlowTag.Vesting or FlowTag.TxFee;
}
