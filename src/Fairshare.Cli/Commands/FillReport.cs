using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Commands;

/// <summary>
/// What an exchange transaction (<c>dex</c> or <c>stable</c>) actually did, told from the committed receipt's
/// <see cref="SenderFlows"/>: a swap's fill, effective price, LP fees and the slippage limit that protected it; a deposit's
/// amounts and the LP shares it minted; a withdrawal's burned shares and what came back.
/// </summary>
public static class FillReport
{
    /// <summary>Significant digits of a price shown to a person; <c>--json</c> carries <see cref="JsonPriceDigits"/>.</summary>
    public const int PriceDigits = 6;

    /// <summary>Significant digits of the price in the <c>--json</c> document.</summary>
    public const int JsonPriceDigits = 18;

    /// <summary>
    /// A swap of <paramref name="sell"/> for <paramref name="buy"/>. <paramref name="limit"/> is the most it could have sold
    /// (<paramref name="exactOut"/>) or the least it could have received, set from the quote less <paramref name="slippageBps"/>.
    /// The price is quoted as the asset with the higher id per the one with the lower id, as <c>dex pools</c> quotes a pair.
    /// </summary>
    public static TxReport Swap(LedgerState state, SenderFlows flows, AssetId sell, AssetId buy, bool exactOut, Amount limit, int slippageBps)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(flows);
        var (sold, received) = (flows.Sent(sell), flows.Received(buy));
        var (baseAsset, quoteAsset) = sell.CompareTo(buy) < 0 ? (sell, buy) : (buy, sell);
        var (baseAmount, quoteAmount) = baseAsset == sell ? (sold, received) : (received, sold);
        var fees = flows.LpFees;
        var details = new List<string>();
        string feeText = fees.Count == 0 ? "no LP fee" : $"LP fee{(fees.Count > 1 ? "s" : "")} {string.Join(" + ", fees.Select(f => Human(state, f.Asset, f.Amount)))}";
        details.Add(baseAmount.IsZero
            ? feeText
            : $"price {Price(state, quoteAmount, quoteAsset, baseAmount, baseAsset, PriceDigits)} {Symbol(state, quoteAsset)} per {Symbol(state, baseAsset)}, {feeText}");
        string percent = PercentArgument.Text(slippageBps);
        details.Add(exactOut
            ? $"slippage limit {percent}: at most {Human(state, sell, limit)}"
            : $"slippage limit {percent}: at least {Human(state, buy, limit)}");

        var facts = new List<KeyValuePair<string, JsonNode?>>
        {
            new("sold", Json(state, sell, sold)),
            new("received", Json(state, buy, received)),
            new("price", baseAmount.IsZero ? null : new JsonObject
            {
                ["value"] = Price(state, quoteAmount, quoteAsset, baseAmount, baseAsset, JsonPriceDigits),
                ["quote"] = Symbol(state, quoteAsset),
                ["base"] = Symbol(state, baseAsset),
            }),
            new("lpFees", new JsonArray([.. fees.Select(f => (JsonNode)Json(state, f.Asset, f.Amount))])),
            new(exactOut ? "maxSold" : "minReceived", Json(state, exactOut ? sell : buy, limit)),
            new("slippageBps", slippageBps),
        };
        string summary = exactOut
            ? $"bought {Human(state, buy, received)} for {Human(state, sell, sold)}"
            : $"sold {Human(state, sell, sold)} for {Human(state, buy, received)}";
        return new TxReport(summary, details, facts);
    }

    /// <summary>A deposit into <paramref name="pool"/> (its name, e.g. "the FSH/USDF pool"), minting <paramref name="lpAsset"/>.</summary>
    public static TxReport Added(LedgerState state, SenderFlows flows, string pool, AssetId lpAsset)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(flows);
        var deposited = flows.AllSent.Where(f => f.Asset != lpAsset).ToList();
        var shares = flows.Received(lpAsset);
        return new TxReport(
            $"added liquidity to {pool}: deposited {Joined(state, deposited)}",
            [$"minted {Human(state, lpAsset, shares)}"],
            [
                new("deposited", new JsonArray([.. deposited.Select(f => (JsonNode)Json(state, f.Asset, f.Amount))])),
                new("lpShares", Json(state, lpAsset, shares)),
            ]);
    }

    /// <summary>A withdrawal from <paramref name="pool"/>, burning <paramref name="lpAsset"/>.</summary>
    public static TxReport Removed(LedgerState state, SenderFlows flows, string pool, AssetId lpAsset)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(flows);
        var burned = flows.Sent(lpAsset);
        var withdrawn = flows.AllReceived.Where(f => f.Asset != lpAsset).ToList();
        return new TxReport(
            $"removed liquidity from {pool}: burned {Human(state, lpAsset, burned)}",
            [$"received {Joined(state, withdrawn)}"],
            [
                new("burned", Json(state, lpAsset, burned)),
                new("withdrawn", new JsonArray([.. withdrawn.Select(f => (JsonNode)Json(state, f.Asset, f.Amount))])),
            ]);
    }

    private static string Price(LedgerState state, Amount quote, AssetId quoteAsset, Amount @base, AssetId baseAsset, int digits) =>
        DecimalRatio.Format(quote.ToBigInteger(), Decimals(state, quoteAsset), @base.ToBigInteger(), Decimals(state, baseAsset), digits);

    /// <summary>"100 FSH and 200 USDF", "1 A, 2 B and 3 C"; "nothing" for none.</summary>
    private static string Joined(LedgerState state, IReadOnlyList<(AssetId Asset, Amount Amount)> amounts)
    {
        var texts = amounts.Select(f => Human(state, f.Asset, f.Amount)).ToList();
        return texts.Count switch
        {
            0 => "nothing",
            1 => texts[0],
            _ => string.Join(", ", texts.Take(texts.Count - 1)) + " and " + texts[^1],
        };
    }

    private static JsonObject Json(LedgerState state, AssetId asset, Amount amount) => new()
    {
        ["asset"] = Symbol(state, asset),
        ["amount"] = amount.ToString(),
    };

    private static string Human(LedgerState state, AssetId asset, Amount amount) => TxSubmission.Format(state, asset, amount);

    private static string Symbol(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Symbol ?? asset.ToString();

    private static int Decimals(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Decimals ?? 0;
}
