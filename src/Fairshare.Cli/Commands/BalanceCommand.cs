using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare balance NAME|ADDRESS</c>: one account, read light (<see cref="ChainAccess.ReadAccount"/>).</summary>
public static class BalanceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var who = new Argument<string>("account") { Description = "a key name from 'fairshare keys list' or an address (fs1…)" };
        var command = new Command("balance", "Show an account's balances, nonce, cohort and vesting.") { who };
        command.SetAction(parsed => CliApp.Run(parsed, context => Run(context, parsed.GetValue(who)!)));
        return command;
    }

    private static int Run(CliContext context, string who)
    {
        using var chain = ChainAccess.Open(context);
        var address = Wallet.Resolve(context, who);
        var read = chain.ReadAccount(address);
        var account = read.Account;
        var assets = read.Globals.Assets;
        ulong height = read.Height;
        var claimable = account?.Vesting?.ClaimableAt(height + 1) ?? Amount.Zero;
        if (context.Json)
        {
            var balances = new JsonObject();
            foreach (var asset in assets) balances[asset.Symbol] = (account?.BalanceOf(asset.Id) ?? Amount.Zero).ToString();
            var json = new JsonObject
            {
                ["address"] = address.ToString(),
                ["height"] = height,
                ["nonce"] = account?.Nonce ?? 0,
                ["cohort"] = (account?.Cohort ?? Cohort.None).ToString(),
                ["balances"] = balances,
            };
            if (account?.Vesting is { } v)
            {
                json["vesting"] = new JsonObject
                {
                    ["total"] = v.Total.ToString(),
                    ["claimed"] = v.Claimed.ToString(),
                    ["claimableNextBlock"] = claimable.ToString(),
                };
            }

            context.WriteJson(json);
            return ExitCodes.Ok;
        }

        context.Console.MarkupLine($"[bold]{address}[/] at height {height}: nonce {account?.Nonce ?? 0}, cohort {account?.Cohort ?? Cohort.None}");
        var table = new Table().AddColumn("asset").AddColumn(new TableColumn("balance").RightAligned());
        foreach (var asset in assets)
            table.AddRow(asset.Symbol, (account?.BalanceOf(asset.Id) ?? Amount.Zero).ToGroupedString(asset.Decimals));
        if (account?.Vesting is { } vesting)
        {
            table.AddRow("FSH vesting (total)", TokenText.Number(vesting.Total));
            table.AddRow("FSH vesting (claimed)", TokenText.Number(vesting.Claimed));
            table.AddRow("FSH claimable now", TokenText.Number(claimable));
        }

        context.Console.Write(table);
        return ExitCodes.Ok;
    }
}
