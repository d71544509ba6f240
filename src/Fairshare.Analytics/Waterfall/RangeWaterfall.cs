using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Waterfall;

/// <summary>Builds the <see cref="RangeWaterfallReport"/> of a block range from its flows. Pure and exact.</summary>
public static class RangeWaterfall
{
    /// <summary>Groups every flow of <paramref name="asset"/> in [<paramref name="fromHeight"/>, <paramref name="toHeight"/>].</summary>
    public static RangeWaterfallReport Build(IEnumerable<FlowRecord> flows, AccountDirectory directory, AssetId asset, ulong fromHeight, ulong toHeight)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(directory);
        var edges = new Dictionary<(string, FlowTag, string), (BigInteger Amount, long Flows)>();
        var received = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        var sent = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        BigInteger minted = 0, burned = 0;
        foreach (var flow in flows)
        {
            var e = flow.Event;
            if (flow.Height < fromHeight || flow.Height > toHeight || e.Asset != asset) continue;
            var amount = e.Amount.ToBigInteger();
            string from = directory.Group(e.From), to = directory.Group(e.To);
            var key = (from, e.Tag, to);
            var (sum, count) = edges.GetValueOrDefault(key);
            edges[key] = (sum + amount, count + 1);
            if (e.From == default) minted += amount;
            else sent[from] = sent.GetValueOrDefault(from) + amount;
            if (e.To == default) burned += amount;
            else received[to] = received.GetValueOrDefault(to) + amount;
        }

        var groups = received.Keys.Union(sent.Keys).Order(StringComparer.Ordinal)
            .Select(g => new GroupNet(g, received.GetValueOrDefault(g), sent.GetValueOrDefault(g)));
        var rows = edges.OrderByDescending(e => e.Value.Amount).ThenBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2)
            .ThenBy(e => e.Key.Item3, StringComparer.Ordinal)
            .Select(e => new FlowEdge(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value.Amount, e.Value.Flows));
        return new RangeWaterfallReport(asset, fromHeight, toHeight, [.. rows], [.. groups], minted, burned);
    }
}
