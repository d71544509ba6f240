using System.CommandLine;
using Fairshare.Cli.Chain;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare farm create|notify|stake|withdraw|claim|duration|list</c>: StakingRewards farms paying FSH.</summary>
public static class FarmCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("farm", """
            Farms pay FSH to stakers of an asset (typically AMM LP shares), Synthetix StakingRewards style: the treasury
            notifies an amount of FSH, which is paid out at a constant rate over the reward period, to each staker in
            proportion to stake times time. Only the treasury (the genesis params.treasury) creates, funds and
            reconfigures farms; on the example genesis it is a keyless, governed account, so to run farms on a local
            chain, init with a genesis whose treasury is one of your keys.
            """);
        command.Add(CreateFarm());
        command.Add(Notify());
        command.Add(Stake());
        command.Add(Withdraw());
        command.Add(Claim());
        command.Add(Duration());
        command.Add(FarmListCommand.Create());
        return command;
    }

    private static Command CreateFarm()
    {
        var from = FromOption("the treasury's key name");
        var stake = new Option<string>("--stake") { Description = "the asset stakers lock: a symbol (e.g. LP-FSH-USDF) or asset id", Required = true };
        var duration = DurationOption("length of each reward period in seconds (default: 7 days, the contract's default)", 604_800);
        var fee = TransferCommand.FeeOption();
        var command = new Command("create", "Create a farm for a staking asset (treasury only). It pays nothing until 'farm notify'.")
        {
            from, stake, duration, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var asset = TxSubmission.FindAsset(chain.State, parsed.GetValue(stake)!);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new FarmCreatePayload(asset.Id, parsed.GetValue(duration)), parsed.GetValue(fee),
                () => $"created farm {FarmRegistry.All(chain.State).Last().Id} for {asset.Symbol} stakers");
        }));
        return command;
    }

    private static Command Notify()
    {
        var from = FromOption("the treasury's key name");
        var farm = FarmOption();
        var amount = new Option<string>("--amount") { Description = "FSH moved from the treasury into the farm, e.g. 5000", Required = true };
        var fee = TransferCommand.FeeOption();
        var command = new Command("notify", """
            Fund a farm and start a new reward period now (treasury only): the amount, plus what is left of a running
            period, is paid out evenly over the farm's reward duration.
            """)
        {
            from, farm, amount, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var value = TxSubmission.ParseAmount(chain.State, Farm.RewardAsset, parsed.GetValue(amount)!, "--amount");
            uint id = parsed.GetValue(farm);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new FarmNotifyRewardPayload(id, value), parsed.GetValue(fee),
                () => $"notified {value.ToGroupedString(18)} FSH to farm {id}; {RateText(chain, id)}");
        }));
        return command;
    }

    private static Command Stake()
    {
        var from = FromOption("the staker's key name");
        var farm = FarmOption();
        var amount = new Option<string>("--amount") { Description = "amount of the farm's staking asset to lock, e.g. 10.5", Required = true };
        var fee = TransferCommand.FeeOption();
        var command = new Command("stake", "Lock some of the farm's staking asset; it earns FSH from now on.") { from, farm, amount, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var target = FindFarm(chain, parsed.GetValue(farm));
            var value = TxSubmission.ParseAmount(chain.State, target.StakingAsset, parsed.GetValue(amount)!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new FarmStakePayload(target.Id, value), parsed.GetValue(fee),
                () => $"staked {TxSubmission.Format(chain.State, target.StakingAsset, value)} in farm {target.Id}");
        }));
        return command;
    }

    private static Command Withdraw()
    {
        var from = FromOption("the staker's key name");
        var farm = FarmOption();
        var amount = new Option<string?>("--amount") { Description = "amount of the stake to take back" };
        var all = new Option<bool>("--all") { Description = "take the whole stake back and claim the rewards too (the contract's exit)" };
        var fee = TransferCommand.FeeOption();
        var command = new Command("withdraw", "Take staked units back out of a farm (earned FSH stays claimable); --all also claims.")
        {
            from, farm, amount, all, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var target = FindFarm(chain, parsed.GetValue(farm));
            string? amountText = parsed.GetValue(amount);
            bool exit = parsed.GetValue(all);
            if (exit == amountText is not null) throw new CliUsageException("give exactly one of --amount and --all");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            if (exit)
            {
                var staked = FarmRegistry.GetStake(chain.State, target.Id, key.Address).Balance;
                return TxSubmission.Submit(context, chain, key, new FarmExitPayload(target.Id), parsed.GetValue(fee),
                    () => $"withdrew {TxSubmission.Format(chain.State, target.StakingAsset, staked)} from farm {target.Id} and claimed its rewards");
            }

            var value = TxSubmission.ParseAmount(chain.State, target.StakingAsset, amountText!, "--amount");
            return TxSubmission.Submit(context, chain, key, new FarmWithdrawPayload(target.Id, value), parsed.GetValue(fee),
                () => $"withdrew {TxSubmission.Format(chain.State, target.StakingAsset, value)} from farm {target.Id}");
        }));
        return command;
    }

    private static Command Claim()
    {
        var from = FromOption("the staker's key name");
        var farm = FarmOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("claim", "Collect the FSH a farm owes you (the stake stays).") { from, farm, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var target = FindFarm(chain, parsed.GetValue(farm));
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var paidBefore = target.TotalPaid;
            return TxSubmission.Submit(context, chain, key, new FarmClaimPayload(target.Id), parsed.GetValue(fee),
                () => $"claimed {(FarmRegistry.Get(chain.State, target.Id)!.TotalPaid - paidBefore).ToGroupedString(18)} FSH from farm {target.Id}");
        }));
        return command;
    }

    private static Command Duration()
    {
        var from = FromOption("the treasury's key name");
        var farm = FarmOption();
        var duration = DurationOption("the new reward period length in seconds", null);
        var fee = TransferCommand.FeeOption();
        var command = new Command("duration", "Change a farm's reward period length (treasury only, once the current period is over).")
        {
            from, farm, duration, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            uint id = parsed.GetValue(farm);
            ulong seconds = parsed.GetValue(duration);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new FarmSetRewardsDurationPayload(id, seconds), parsed.GetValue(fee),
                () => $"farm {id} now has reward periods of {seconds} s");
        }));
        return command;
    }

    private static Option<string> FromOption(string description) => new("--from") { Description = description, Required = true };

    private static Option<uint> FarmOption() => new("--farm") { Description = "the farm's id (see 'fairshare farm list')", Required = true };

    private static Option<ulong> DurationOption(string description, ulong? defaultSeconds)
    {
        var option = new Option<ulong>("--duration") { Description = description, Required = defaultSeconds is null };
        if (defaultSeconds is { } seconds) option.DefaultValueFactory = _ => seconds;
        return option;
    }

    private static Farm FindFarm(ChainAccess chain, uint id) =>
        FarmRegistry.Get(chain.State, id) ?? throw new CliUsageException($"no farm {id}; see 'fairshare farm list'");

    private static string RateText(ChainAccess chain, uint id)
    {
        var farm = FarmRegistry.Get(chain.State, id)!;
        return $"{(farm.RewardRate * new Amount(86_400)).ToGroupedString(18)} FSH a day until {FarmListCommand.FormatTime(farm.PeriodFinish)} UTC";
    }
}
