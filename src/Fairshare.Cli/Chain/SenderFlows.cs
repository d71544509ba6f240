using System.Numerics;
using Fairshare.Client.Dto;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Chain;

/// <summary>
/// What one committed transaction moved into and out of its sender's account, read from the receipt's events: the one
/// rule the CLI uses to say what a DeFi transaction actually did (the fill of a swap, the shares a deposit minted,
/// what a withdrawal paid out), instead of what the command asked for.
/// </summary>
/// <remarks>
/// Per asset the events to and from the sender are netted, so a swap that pays the trader a gross amount and takes
/// the fee back in the same asset (StableSwap) counts the net; the transaction fee (<see cref="FlowTag.TxFee"/>) is
/// left out, since it is not part of the trade and is reported on its own. The LP fees are every
/// <see cref="FlowTag.SwapFee"/> event of the transaction, the sender's and those one pool pays the next on a
/// multi-hop path, summed per asset.
/// </remarks>
public sealed class SenderFlows
{
    private static readonly string TxFeeTag = nameof(FlowTag.TxFee);
    private static readonly string SwapFeeTag = nameof(FlowTag.SwapFee);

    private readonly List<AssetId> _order = [];
    private readonly Dictionary<AssetId, BigInteger> _net = [];
    private readonly List<AssetId> _feeOrder = [];
    private readonly Dictionary<AssetId, BigInteger> _fees = [];

    private SenderFlows()
    {
    }

    /// <summary>The flows of <paramref name="sender"/> in a committed transaction's events.</summary>
    public static SenderFlows Of(IEnumerable<EventDto> events, Address sender)
    {
        ArgumentNullException.ThrowIfNull(events);
        string me = sender.ToString();
        var flows = new SenderFlows();
        foreach (var e in events)
        {
            if (e.Tag == TxFeeTag) continue;
            var asset = new AssetId(e.Asset);
            var amount = Amount.Parse(e.Amount).ToBigInteger();
            if (e.Tag == SwapFeeTag) Add(flows._fees, flows._feeOrder, asset, amount);
            if (e.From == me) Add(flows._net, flows._order, asset, -amount);
            if (e.To == me) Add(flows._net, flows._order, asset, amount);
        }

        return flows;
    }

    /// <summary>How much of <paramref name="asset"/> left the sender, net of what came back; zero when it gained.</summary>
    public Amount Sent(AssetId asset) => ToAmount(-_net.GetValueOrDefault(asset));

    /// <summary>How much of <paramref name="asset"/> the sender gained, net of what it paid; zero when it lost.</summary>
    public Amount Received(AssetId asset) => ToAmount(_net.GetValueOrDefault(asset));

    /// <summary>Every asset the sender lost, with the net amount, in the order the events first name them.</summary>
    public IReadOnlyList<(AssetId Asset, Amount Amount)> AllSent =>
        [.. _order.Where(a => _net[a].Sign < 0).Select(a => (a, Sent(a)))];

    /// <summary>Every asset the sender gained, with the net amount, in the order the events first name them.</summary>
    public IReadOnlyList<(AssetId Asset, Amount Amount)> AllReceived =>
        [.. _order.Where(a => _net[a].Sign > 0).Select(a => (a, Received(a)))];

    /// <summary>The LP fees (<see cref="FlowTag.SwapFee"/>) the transaction paid, per asset, in the order they were paid.</summary>
    public IReadOnlyList<(AssetId Asset, Amount Amount)> LpFees =>
        [.. _feeOrder.Select(a => (a, ToAmount(_fees[a])))];

    private static void Add(Dictionary<AssetId, BigInteger> sums, List<AssetId> order, AssetId asset, BigInteger amount)
    {
        if (!sums.TryGetValue(asset, out var sum)) order.Add(asset);
        sums[asset] = sum + amount;
    }

    private static Amount ToAmount(BigInteger value) =>
        value.Sign <= 0 ? Amount.Zero
        : Amount.TryFromBigInteger(value, out var amount) ? amount
        : throw new InvalidOperationException("a transaction's events sum to more than an amount can hold");
}
