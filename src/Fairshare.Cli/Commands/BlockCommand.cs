using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare block show [HEIGHT]</c>.</summary>
public static class BlockCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("block", "Inspect blocks.");
        var height = new Argument<string>("height") { Description = "block height, or 'latest'", DefaultValueFactory = _ => "latest" };
        var show = new Command("show", "Show a block's header, signatures and transactions with their receipts.") { height };
        show.SetAction(parsed => CliApp.Run(parsed, context => Show(context, parsed.GetValue(height)!)));
        command.Add(show);
        return command;
    }

    private static int Show(CliContext context, string heightText)
    {
        using var chain = ChainAccess.Open(context);
        ulong latest = chain.State.Head.Height;
        ulong height = heightText == "latest"
            ? latest
            : ulong.TryParse(heightText, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                ? h
                : throw new CliUsageException($"'{heightText}' is not a block height (a number or 'latest')");
        if (height == 0)
            return context.Fail("genesis", $"height 0 is the genesis (hash {chain.State.Head.BlockHash}); blocks start at 1. Latest is {latest}.");
        var found = chain.ReadBlock(height);
        if (found is null) return context.Fail("not_found", $"no block at height {height}; the latest is {latest}");
        var (block, receipts) = (found.Block, found.ReceiptCodes);
        var header = block.Header;
        if (context.Json)
        {
            var txs = new JsonArray();
            for (int i = 0; i < block.Transactions.Length; i++)
            {
                var tx = block.Transactions[i];
                txs.Add(new JsonObject
                {
                    ["id"] = tx.Id.ToString(),
                    ["sender"] = tx.Sender.ToString(),
                    ["nonce"] = tx.Body.Nonce,
                    ["kind"] = tx.Body.Payload.Kind.ToString(),
                    ["fee"] = tx.Body.Fee.ToString(),
                    ["code"] = i < receipts.Count ? receipts[i] : null,
                });
            }

            context.WriteJson(new JsonObject
            {
                ["height"] = header.Height,
                ["hash"] = header.Hash().ToString(),
                ["previousHash"] = header.PreviousHash.ToString(),
                ["timestampMs"] = header.TimestampMs,
                ["txRoot"] = header.TransactionRoot.ToString(),
                ["stateRoot"] = header.StateRoot.ToString(),
                ["receiptsRoot"] = header.ReceiptsRoot.ToString(),
                ["proposer"] = header.Proposer.ToString(),
                ["signatures"] = block.Signatures.Length,
                ["transactions"] = txs,
            });
            return ExitCodes.Ok;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("height", header.Height.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("hash", header.Hash().ToString());
        grid.AddRow("previous", header.PreviousHash.ToString());
        grid.AddRow("time", DateTimeOffset.FromUnixTimeMilliseconds((long)header.TimestampMs).ToString("u", CultureInfo.InvariantCulture));
        grid.AddRow("state root", header.StateRoot.ToString());
        grid.AddRow("tx root", header.TransactionRoot.ToString());
        grid.AddRow("receipts root", header.ReceiptsRoot.ToString());
        grid.AddRow("proposer", $"{header.Proposer.Address} ({block.Signatures.Length} signature(s))");
        context.Console.Write(new Panel(grid).Header($"block {header.Height}"));
        var table = new Table().AddColumns("#", "tx", "sender", "nonce", "kind", "result");
        for (int i = 0; i < block.Transactions.Length && i < 50; i++)
        {
            var tx = block.Transactions[i];
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), tx.Id.ToString()[..16] + "…", tx.Sender.ToString(),
                tx.Body.Nonce.ToString(CultureInfo.InvariantCulture), Markup.Escape(Describe(chain.State, tx.Body.Payload)), i < receipts.Count ? receipts[i] : "?");
        }

        context.Console.Write(table);
        if (block.Transactions.Length > 50) context.Console.MarkupLine($"… and {block.Transactions.Length - 50} more (use --json for all)");
        return ExitCodes.Ok;
    }

    private static string Describe(Core.Ledger.State.LedgerState state, TxPayload payload) => payload switch
    {
        TransferPayload t => $"transfer {TxSubmission.Format(state, t.Asset, t.Amount)} → {t.To.ToString()[..12]}…",
        MintStablePayload m => $"mint {TxSubmission.Format(state, Core.Primitives.AssetId.Usdf, m.Amount)}",
        BurnStablePayload b => $"burn {TxSubmission.Format(state, Core.Primitives.AssetId.Usdf, b.Amount)}",
        BatchPayload b => $"batch of {b.Steps.Length}",
        _ => payload.Kind.ToString(),
    };
}
