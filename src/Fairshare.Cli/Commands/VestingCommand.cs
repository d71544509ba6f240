using System.CommandLine;
using Fairshare.Cli.Chain;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare vesting claim --from NAME</c>.</summary>
public static class VestingCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("vesting", "Genesis allocations that vest linearly after a cliff.");
        var from = new Option<string>("--from") { Description = "the beneficiary's key name", Required = true };
        var fee = TransferCommand.FeeOption();
        var claim = new Command("claim", "Move what has vested so far from the vesting escrow to your balance.") { from, fee };
        claim.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new ClaimVestedPayload(), parsed.GetValue(fee), () => "claimed vested FSH");
        }));
        command.Add(claim);
        return command;
    }
}
