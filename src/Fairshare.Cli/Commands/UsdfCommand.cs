using System.CommandLine;
using Fairshare.Cli.Chain;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare usdf mint|burn</c>: the registered issuer's stablecoin operations.</summary>
public static class UsdfCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("usdf", "Mint or burn the USDF stablecoin (only its registered issuer may).");
        var from = new Option<string>("--from") { Description = "the issuer's key name", Required = true };
        var to = new Option<string>("--to") { Description = "recipient of the minted USDF (address or key name)", Required = true };
        var amount = new Option<string>("--amount") { Description = "amount of USDF, e.g. 1000", Required = true };
        var fee = TransferCommand.FeeOption();
        var mint = new Command("mint", "Mint USDF to an account.") { from, to, amount, fee };
        mint.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var value = TxSubmission.ParseAmount(chain.State, AssetId.Usdf, parsed.GetValue(amount)!, "--amount");
            var recipient = Wallet.Resolve(context, parsed.GetValue(to)!);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new MintStablePayload(recipient, value), parsed.GetValue(fee),
                () => $"minted {value.ToGroupedString(18)} USDF to {recipient}");
        }));
        var burnFrom = new Option<string>("--from") { Description = "the issuer's key name", Required = true };
        var burnAmount = new Option<string>("--amount") { Description = "amount of USDF to burn", Required = true };
        var burnFee = TransferCommand.FeeOption();
        var burn = new Command("burn", "Burn USDF from the issuer's own balance.") { burnFrom, burnAmount, burnFee };
        burn.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var value = TxSubmission.ParseAmount(chain.State, AssetId.Usdf, parsed.GetValue(burnAmount)!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(burnFrom)!);
            return TxSubmission.Submit(context, chain, key, new BurnStablePayload(value), parsed.GetValue(burnFee),
                () => $"burned {value.ToGroupedString(18)} USDF");
        }));
        command.Add(mint);
        command.Add(burn);
        return command;
    }
}
