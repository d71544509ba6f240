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
    /// <summary>
    /// Submits and prints; returns the exit code. The sender's nonce, the minimum fee and the chain id come from
    /// <paramref name="account"/> when the caller has read it already, else from <see cref="ChainAccess.ReadAccount"/>.
    /// </summary>
    public static int Submit(CliContext context, ChainAccess chain, KeyPair sender, TxPayload payload, string? feeText, Func<string> describe, ChainAccount? account = null)
    {
        ArgumentNullException.ThrowIfNull(describe);
        // The line is for people: under --json it is not asked for (some descriptions read the state after the commit).
        return Submit(context, chain, sender, payload, feeText, _ => TxReport.Line(context.Json ? string.Empty : describe()), account);
    }

    /// <summary>
    /// Submits and prints what the committed transaction did: <paramref name="report"/> is given the sender's flows read
    /// from the block's receipt (<see cref="SenderFlows"/>), and is called only once the transaction is committed, so an
    /// acknowledged but pending transaction is reported as pending, never with a made-up fill.
    /// </summary>
    public static int Submit(CliContext context, ChainAccess chain, KeyPair sender, TxPayload payload, string? feeText, Func<SenderFlows, TxReport> report, ChainAccount? account = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (account is not null && account.Address != sender.Address) throw new ArgumentException("the account read is not the sender's", nameof(account));
        account ??= chain.ReadAccount(sender.Address);
        var assets = account.Globals.Assets;
        var fee = feeText is null ? account.Globals.Params.MinFee : ParseAmount(assets, AssetId.Fsh, feeText, "--fee", mayBeZero: true);
        var tx = SignedTransaction.Sign(new Transaction(account.ChainId, account.Nonce, fee, payload), sender);
        if (context.DryRun) return chain.DryRun(tx, outcome => ReportDryRun(context, tx, outcome, report, account, fee));
        if (!context.Yes && !context.Json && Passphrases.CanPrompt
            && !context.Console.Confirm($"send this {payload.Kind} from {sender.Address}, fee {Format(assets, AssetId.Fsh, fee)}?", defaultValue: false))
            return context.Fail("declined", "declined; nothing was sent");
        var result = chain.Submit(tx);
        if (!result.IsCommitted)
        {
            if (result.Code == TxOutcome.Pending)
            {
                return context.Fail(result.Code, $"transaction {tx.Id} was accepted but is not committed yet; "
                    + "check later with 'fairshare balance' or 'fairshare block show latest' before sending it again");
            }

            return context.Fail(result.Code, $"transaction rejected: {Why(result.Code, account, payload, fee)}; nothing changed");
        }

        ulong height = result.Height!.Value;
        var told = report(SenderFlows.Of(result.Events, sender.Address));
        if (context.Json)
        {
            context.WriteJson(Document(new JsonObject { ["tx"] = tx.Id.ToString(), ["height"] = height, ["code"] = result.Code }, told, result));
        }
        else
        {
            context.Console.MarkupLine($"[green]ok[/] {Markup.Escape(told.Summary)}");
            foreach (var line in told.Details) context.Console.MarkupLine($"   {Markup.Escape(line)}");
            context.Console.MarkupLine($"   tx [grey]{tx.Id}[/] in block [bold]{height}[/], fee {Format(assets, AssetId.Fsh, fee)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The --json document of a transaction: <paramref name="head"/>, then the report's facts, then every event.</summary>
    private static JsonObject Document(JsonObject head, TxReport told, ChainSubmission outcome)
    {
        foreach (var (key, value) in told.Facts) head[key] = value;
        var events = new JsonArray();
        foreach (var e in outcome.Events)
            events.Add(new JsonObject { ["tag"] = e.Tag, ["asset"] = e.Asset, ["from"] = e.From, ["to"] = e.To, ["amount"] = e.Amount });
        head["events"] = events;
        return head;
    }

    /// <summary>
    /// What a dry run found, printed like a committed transaction's report but marked as not sent: the report reads the
    /// state while the transaction's effects are still applied. A refusal is exit 1 with its code.
    /// </summary>
    private static int ReportDryRun(CliContext context, SignedTransaction tx, ChainSubmission outcome, Func<SenderFlows, TxReport> report, ChainAccount account, Amount fee)
    {
        var assets = account.Globals.Assets;
        if (!outcome.IsCommitted)
        {
            return context.Fail(outcome.Code, $"dry run: the transaction would be rejected: {Why(outcome.Code, account, tx.Body.Payload, fee)}; nothing was sent");
        }

        var told = report(SenderFlows.Of(outcome.Events, tx.Sender));
        if (context.Json)
        {
            context.WriteJson(Document(new JsonObject { ["dryRun"] = true, ["tx"] = tx.Id.ToString(), ["height"] = outcome.Height, ["code"] = outcome.Code }, told, outcome));
        }
        else
        {
            context.Console.MarkupLine($"[yellow]dry run, not sent[/]: {Markup.Escape(told.Summary)}");
            foreach (var line in told.Details) context.Console.MarkupLine($"   {Markup.Escape(line)}");
            context.Console.MarkupLine($"   fee {Format(assets, AssetId.Fsh, fee)}; this is what it would do on the chain as it is now (drop --dry-run to send it)");
        }

        return ExitCodes.Ok;
    }

    /// <summary>A refusal's explanation (<see cref="ResultCodeHelp.Explain"/>), with the numbers when funds were short.</summary>
    private static string Why(string codeText, ChainAccount account, TxPayload payload, Amount fee)
    {
        if (!Enum.TryParse<ResultCode>(codeText, out var code) || !Enum.IsDefined(code)) return codeText;
        string why = ResultCodeHelp.Explain(code);
        return code == ResultCode.InsufficientBalance ? why + "; " + Shortfall(account, payload, fee) : why;
    }

    /// <summary>
    /// The numbers behind an <see cref="ResultCode.InsufficientBalance"/> refusal, from the balances read before signing:
    /// for a transfer, what it needed (the amount, plus the fee when both are FSH) beside what the sender held; for
    /// any other transaction, the sender's FSH beside the fee.
    /// </summary>
    private static string Shortfall(ChainAccount account, TxPayload payload, Amount fee)
    {
        var assets = account.Globals.Assets;
        Amount Held(AssetId asset) => account.Account?.BalanceOf(asset) ?? Amount.Zero;
        if (payload is TransferPayload transfer)
        {
            bool fsh = transfer.Asset == AssetId.Fsh;
            var needed = fsh && Amount.TryAdd(transfer.Amount, fee, out var total) ? total : transfer.Amount;
            string feeText = fsh ? $" (the amount and the fee of {Format(assets, AssetId.Fsh, fee)})" : string.Empty;
            return $"it needs {Format(assets, transfer.Asset, needed)}{feeText} and {account.Address} holds {Format(assets, transfer.Asset, Held(transfer.Asset))}";
        }

        return $"{account.Address} held {Format(assets, AssetId.Fsh, Held(AssetId.Fsh))} before it, and the fee is {Format(assets, AssetId.Fsh, fee)}";
    }

    /// <summary>Parses a human amount ("1.5") in the asset's decimals; zero is a usage error unless <paramref name="mayBeZero"/>.</summary>
    public static Amount ParseAmount(LedgerState state, AssetId asset, string text, string option, bool mayBeZero = false) =>
        ParseAmount(state.Assets, asset, text, option, mayBeZero);

    /// <summary>
    /// Parses a human amount ("1.5") in the decimals of one of <paramref name="assets"/>. Zero is a usage error (exit 2,
    /// before anything is signed) unless <paramref name="mayBeZero"/>: moving, minting or bonding nothing is a mistake.
    /// </summary>
    public static Amount ParseAmount(IEnumerable<AssetInfo> assets, AssetId asset, string text, string option, bool mayBeZero = false)
    {
        var info = assets.FirstOrDefault(a => a.Id == asset) ?? throw new CliUsageException($"asset {asset} is not registered");
        if (!Amount.TryParseDecimal(text, info.Decimals, out var amount))
            throw new CliUsageException($"{option} '{text}' is not an amount of {info.Symbol} (digits, optionally '.' and at most {info.Decimals} decimals)");
        if (amount.IsZero && !mayBeZero) throw new CliUsageException($"{option} must be more than 0 {info.Symbol}");
        return amount;
    }

    /// <summary>Finds an asset by symbol (case-insensitive) or numeric id.</summary>
    public static AssetInfo FindAsset(LedgerState state, string symbolOrId) => FindAsset(state.Assets, symbolOrId);

    /// <summary>Finds one of <paramref name="assets"/> by symbol (case-insensitive) or numeric id.</summary>
    public static AssetInfo FindAsset(IEnumerable<AssetInfo> assets, string symbolOrId)
    {
        foreach (var asset in assets)
        {
            if (string.Equals(asset.Symbol, symbolOrId, StringComparison.OrdinalIgnoreCase) || asset.Id.ToString() == symbolOrId)
                return asset;
        }

        throw new CliUsageException($"unknown asset '{symbolOrId}'; known: {string.Join(", ", assets.Select(a => a.Symbol))}");
    }

    /// <summary>"1.5 FSH", "1,000,000 USDF": the CLI's amount text (whole tokens, grouped as <see cref="DecimalFormat"/>).</summary>
    public static string Format(LedgerState state, AssetId asset, Amount amount) => Format(state.Assets, asset, amount);

    /// <summary>"1.5 FSH", with the decimals and symbol of one of <paramref name="assets"/>, grouped as <see cref="DecimalFormat"/>.</summary>
    public static string Format(IEnumerable<AssetInfo> assets, AssetId asset, Amount amount)
    {
        var info = assets.FirstOrDefault(a => a.Id == asset);
        return info is null ? $"{amount.ToGroupedString(0)} base units (asset {asset})" : $"{amount.ToGroupedString(info.Decimals)} {info.Symbol}";
    }
}
