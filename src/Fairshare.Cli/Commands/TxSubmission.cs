using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Client.Dto;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>Signs a payload with the sender's next nonce, commits it in a block, and reports the outcome.</summary>
public static class TxSubmission
{
    /// <summary>Submits and prints; returns the exit code.</summary>
    public static int Submit(CliContext context, ChainAccess chain, KeyPair sender, TxPayload payload, string? feeText, Func<string> describe)
    {
        var state = chain.State;
        var fee = feeText is null ? state.Params.MinFee : ParseAmount(state, AssetId.Fsh, feeText, "--fee");
        ulong nonce = state.Find(sender.Address)?.Nonce ?? 0;
        var tx = SignedTransaction.Sign(new Transaction(state.ChainId, nonce, fee, payload), sender);
        var result = chain.Submit(tx);
        if (!result.IsCommitted)
        {
            if (result.Code == TxOutcome.Pending)
            {
                return context.Fail(result.Code, $"transaction {tx.Id} was accepted but is not committed yet; "
                    + "check later with 'fairshare balance' or 'fairshare block show latest' before sending it again");
            }

            string why = Enum.TryParse<ResultCode>(result.Code, out var code) && Enum.IsDefined(code) ? ResultCodeHelp.Explain(code) : result.Code;
            return context.Fail(result.Code, $"transaction rejected: {why}; nothing changed");
        }

        ulong height = result.Height!.Value;
        if (context.Json)
        {
            var events = new JsonArray();
            foreach (var e in result.Events)
            {
                events.Add(new JsonObject
                {
                    ["tag"] = e.Tag,
                    ["asset"] = e.Asset,
                    ["from"] = e.From,
                    ["to"] = e.To,
                    ["amount"] = e.Amount,
                });
            }

            context.WriteJson(new JsonObject
            {
                ["tx"] = tx.Id.ToString(),
                ["height"] = height,
                ["code"] = result.Code,
                ["events"] = events,
            });
        }
        else
        {
            context.Console.MarkupLine($"[green]ok[/] {Markup.Escape(describe())}");
            context.Console.MarkupLine($"   tx [grey]{tx.Id}[/] in block [bold]{height}[/], fee {Format(state, AssetId.Fsh, fee)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Parses a human amount ("1.5") in the asset's decimals.</summary>
    public static Amount ParseAmount(LedgerState state, AssetId asset, string text, string option)
    {
        var info = state.FindAsset(asset) ?? throw new CliUsageException($"asset {asset} is not registered");
        return Amount.TryParseDecimal(text, info.Decimals, out var amount)
            ? amount
            : throw new CliUsageException($"{option} '{text}' is not an amount of {info.Symbol} (digits, optionally '.' and at most {info.Decimals} decimals)");
    }

    /// <summary>Finds an asset by symbol (case-insensitive) or numeric id.</summary>
    public static AssetInfo FindAsset(LedgerState state, string symbolOrId)
    {
        foreach (var asset in state.Assets)
        {
            if (string.Equals(asset.Symbol, symbolOrId, StringComparison.OrdinalIgnoreCase) || asset.Id.ToString() == symbolOrId)
                return asset;
        }

        throw new CliUsageException($"unknown asset '{symbolOrId}'; known: {string.Join(", ", state.Assets.Select(a => a.Symbol))}");
    }

    /// <summary>"1.5 FSH".</summary>
    public static string Format(LedgerState state, AssetId asset, Amount amount)
    {
        var info = state.FindAsset(asset);
        return info is null ? $"{amount} (asset {asset})" : $"{amount.ToDecimalString(info.Decimals)} {info.Symbol}";
    }
}
