using System.CommandLine;
using Fairshare.Cli.Chain;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare transfer --from NAME --to X --amount A</c>: reads only the sender's account (light), never the whole state.</summary>
public static class TransferCommand
{
    /// <summary>--fee, shared by the commands that send transactions.</summary>
    public static Option<string?> FeeOption() => new("--fee") { Description = "fee in FSH (default: the chain's minimum fee)" };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "the sending key's name", Required = true };
        var to = new Option<string>("--to") { Description = "recipient: an address (fs1…) or a key name", Required = true };
        var amount = new Option<string>("--amount") { Description = "amount in whole tokens, e.g. 12.5", Required = true };
        var asset = new Option<string>("--asset") { Description = "asset symbol", DefaultValueFactory = _ => "FSH" };
        var fee = FeeOption();
        var command = new Command("transfer", "Send an asset from one of your keys; the transaction is committed in a new block.")
        {
            from, to, amount, asset, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var sender = chain.ReadAccount(Wallet.AddressOf(context, parsed.GetValue(from)!));
            var info = TxSubmission.FindAsset(sender.Globals.Assets, parsed.GetValue(asset)!);
            var value = TxSubmission.ParseAmount(sender.Globals.Assets, info.Id, parsed.GetValue(amount)!, "--amount");
            var recipient = Wallet.Resolve(context, parsed.GetValue(to)!);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new TransferPayload(recipient, info.Id, value), parsed.GetValue(fee),
                () => $"sent {value.ToGroupedString(info.Decimals)} {info.Symbol} to {recipient}", sender);
        }));
        return command;
    }
}
