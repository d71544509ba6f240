using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare stake bond|delegate|unbond|withdraw|claim|commission|show</c>: provider stake pools and delegation.</summary>
public static class StakeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("stake", """
            Stake FSH behind compute providers. A provider bonds its own FSH (at least stake.min-self-bond) into a pool
            with a commission; delegators add FSH to the pool. Payments for the provider's work pay the commission and
            the provider's own share to the provider, and the delegators' share into the pool, claimable pro rata.
            Stake that is unbonded waits stake.unbonding-blocks, still slashable, before it can be withdrawn; a
            commission change waits as long, so delegators can leave first.
            """);
        command.Add(Bond());
        command.Add(Delegate());
        command.Add(Unbond());
        command.Add(Withdraw());
        command.Add(Claim());
        command.Add(Commission());
        command.Add(Show());
        return command;
    }

    private static Command Bond()
    {
        var from = FromOption("the provider's key name");
        var amount = AmountOption("FSH of your own to bond, e.g. 150");
        var commission = new Option<string>("--commission")
        {
            Description = "the pool's commission when this bond opens it, in percent (e.g. 10%); later bonds keep the one in force",
            DefaultValueFactory = _ => "0",
        };
        var fee = TransferCommand.FeeOption();
        var command = new Command("bond", "Bond your own FSH as a provider; the first bond opens your stake pool.") { from, amount, commission, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var value = TxSubmission.ParseAmount(chain.State, AssetId.Fsh, parsed.GetValue(amount)!, "--amount");
            var bps = PercentArgument.ToBps(parsed.GetValue(commission)!, "--commission");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new StakeSelfBondPayload(value, bps), parsed.GetValue(fee),
                () => $"bonded {Fsh(value)} FSH; your pool holds {Fsh(StakingModule.BondedTokens(chain.State, key.Address))} FSH at "
                    + $"{Percent(StakingStore.Pool(chain.State, key.Address)!.CommissionBps)} commission");
        }));
        return command;
    }

    private static Command Delegate()
    {
        var from = FromOption("the delegator's key name");
        var provider = ProviderOption("the provider whose pool you join (key name or address)");
        var amount = AmountOption("FSH to delegate, e.g. 50");
        var fee = TransferCommand.FeeOption();
        var command = new Command("delegate", "Delegate FSH to a provider's stake pool; it earns part of the provider's payments.")
        {
            from, provider, amount, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var target = Wallet.Resolve(context, parsed.GetValue(provider)!);
            var value = TxSubmission.ParseAmount(chain.State, AssetId.Fsh, parsed.GetValue(amount)!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new StakeDelegatePayload(target, value), parsed.GetValue(fee),
                () => $"delegated {Fsh(value)} FSH to {target}");
        }));
        return command;
    }

    private static Command Unbond()
    {
        var from = FromOption("the staker's key name");
        var provider = new Option<string?>("--provider") { Description = "the pool to leave (key name or address); default: your own pool" };
        var amount = new Option<string?>("--amount") { Description = "FSH of your position to unbond" };
        var all = new Option<bool>("--all") { Description = "unbond your whole position" };
        var fee = TransferCommand.FeeOption();
        var command = new Command("unbond", """
            Start unbonding FSH from a pool. It stops counting as stake now, waits stake.unbonding-blocks (still
            slashable for the provider's faults), then 'fairshare stake withdraw' pays it out. Earned rewards stay claimable.
            """)
        {
            from, provider, amount, all, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            string? amountText = parsed.GetValue(amount);
            if (parsed.GetValue(all) == amountText is not null) throw new CliUsageException("give exactly one of --amount and --all");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var target = parsed.GetValue(provider) is { } text ? Wallet.Resolve(context, text) : key.Address;
            var value = amountText is null ? PositionValue(chain.State, target, key.Address) : TxSubmission.ParseAmount(chain.State, AssetId.Fsh, amountText, "--amount");
            var completes = chain.State.Head.Height + 1 + StakingModule.Params(chain.State).UnbondingBlocks;
            return TxSubmission.Submit(context, chain, key, new StakeUnbondPayload(target, value), parsed.GetValue(fee),
                () => $"unbonding {Fsh(StakingStore.Unbondings(chain.State, key.Address).Last().Tokens)} FSH from {target}; withdraw from block {completes}");
        }));
        return command;
    }

    private static Command Withdraw()
    {
        var from = FromOption("the staker's key name");
        var fee = TransferCommand.FeeOption();
        var command = new Command("withdraw", "Pay out every unbonding entry of yours that has completed.") { from, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var due = StakingStore.Unbondings(chain.State, key.Address).Where(e => e.IsComplete(chain.State.Head.Height + 1)).ToList();
            return TxSubmission.Submit(context, chain, key, new StakeWithdrawPayload(), parsed.GetValue(fee),
                () => $"withdrew {Fsh(due.Aggregate(Amount.Zero, (sum, e) => sum + e.Tokens))} FSH from {due.Count} unbonding entries");
        }));
        return command;
    }

    private static Command Claim()
    {
        var from = FromOption("the delegator's key name");
        var provider = ProviderOption("the pool whose rewards you claim (key name or address)");
        var fee = TransferCommand.FeeOption();
        var command = new Command("claim", "Collect the rewards a provider's pool owes you as a delegator.") { from, provider, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var target = Wallet.Resolve(context, parsed.GetValue(provider)!);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var owed = StakingModule.PendingRewards(chain.State, target, key.Address);
            return TxSubmission.Submit(context, chain, key, new StakeClaimPayload(target), parsed.GetValue(fee),
                () => $"claimed {Fsh(owed)} FSH from the pool of {target}");
        }));
        return command;
    }

    private static Command Commission()
    {
        var from = FromOption("the provider's key name");
        var commission = new Option<string>("--commission") { Description = "the new commission in percent, e.g. 12.5%", Required = true };
        var fee = TransferCommand.FeeOption();
        var command = new Command("commission", """
            Announce a new commission for your pool. It applies after stake.unbonding-blocks (so delegators can leave
            first) and may move by at most stake.max-commission-change-bps from the one in force.
            """)
        {
            from, commission, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var bps = PercentArgument.ToBps(parsed.GetValue(commission)!, "--commission");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new StakeSetCommissionPayload(bps), parsed.GetValue(fee),
                () => CommissionText(StakingStore.Pool(chain.State, key.Address)!, chain.State.Head.Height + 1));
        }));
        return command;
    }

    private static Command Show()
    {
        var provider = new Argument<string?>("provider")
        {
            Description = "one provider (key name or address): also lists its positions and unbonding entries; default: every pool",
            DefaultValueFactory = _ => null,
        };
        var command = new Command("show", """
            Show stake pools: FSH bonded, shares, the provider's own stake, commission (and a pending change),
            delegators and FSH unbonding. Values are as of the next block.
            """)
        {
            provider,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => RunShow(context, parsed.GetValue(provider))));
        return command;
    }

    private static int RunShow(CliContext context, string? providerText)
    {
        using var chain = ChainAccess.Open(context);
        var state = chain.State;
        ulong height = state.Head.Height + 1;
        Address? only = providerText is null ? null : Wallet.Resolve(context, providerText);
        var pools = only is { } one
            ? [StakingStore.Pool(state, one) ?? throw new CliUsageException($"{one} has no stake pool; a provider opens one with 'fairshare stake bond'")]
            : StakingStore.Pools(state).ToList();
        if (context.Json)
        {
            var list = new JsonArray();
            foreach (var pool in pools) list.Add(PoolJson(state, pool, height, details: only is not null));
            context.WriteJson(new JsonObject { ["height"] = height, ["pools"] = list });
            return ExitCodes.Ok;
        }

        if (pools.Count == 0)
        {
            context.Console.MarkupLine("no stake pools yet; a provider opens one with 'fairshare stake bond'");
            return ExitCodes.Ok;
        }

        var label = Labels(context);
        var table = new Table().AddColumns("provider", "FSH", "shares", "self", "comm.", "pending", "deleg.", "unbond.");
        foreach (var pool in pools)
        {
            table.AddRow(
                Markup.Escape(label(pool.Provider)), Short(pool.Tokens), Short(pool.Shares), Short(StakingModule.SelfBonded(state, pool.Provider)),
                Percent(pool.CommissionAt(height)), Markup.Escape(PendingShort(pool, height)),
                Delegators(state, pool).Count().ToString(CultureInfo.InvariantCulture), Short(UnbondingTotal(state, pool.Provider)));
        }

        context.Console.Write(table);
        if (only is { } chosen) WriteDetails(context, state, chosen, height, label);
        return ExitCodes.Ok;
    }

    private static void WriteDetails(CliContext context, LedgerState state, Address provider, ulong height, Func<Address, string> label)
    {
        var pool = StakingStore.Pool(state, provider)!;
        var positions = new Table().AddColumns("account", "shares", "FSH", "rewards FSH");
        foreach (var position in StakingStore.Positions(state, provider))
        {
            positions.AddRow(
                Markup.Escape(label(position.Delegator) + (position.IsSelfBond ? " (provider)" : "")), Short(position.Shares),
                Short(pool.TokensFor(position.Shares)), Short(StakingModule.PendingRewards(state, provider, position.Delegator)));
        }

        context.Console.Write(positions);
        var entries = StakingStore.PoolUnbondings(state, provider).ToList();
        if (entries.Count == 0) return;
        var unbonding = new Table().AddColumns("entry", "account", "FSH", "withdrawable at");
        foreach (var entry in entries)
        {
            unbonding.AddRow(
                entry.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(label(entry.Account)), Short(entry.Tokens),
                entry.CompletionHeight.ToString(CultureInfo.InvariantCulture) + (entry.IsComplete(height) ? " (now)" : ""));
        }

        context.Console.Write(unbonding);
    }

    private static JsonObject PoolJson(LedgerState state, StakePool pool, ulong height, bool details)
    {
        var json = new JsonObject
        {
            ["provider"] = pool.Provider.ToString(),
            ["tokens"] = pool.Tokens.ToString(),
            ["shares"] = pool.Shares.ToString(),
            ["selfBonded"] = StakingModule.SelfBonded(state, pool.Provider).ToString(),
            ["commissionBps"] = pool.CommissionAt(height),
            ["pendingCommissionBps"] = pool.HasPendingCommission(height) ? pool.PendingCommissionBps : null,
            ["pendingCommissionHeight"] = pool.HasPendingCommission(height) ? pool.CommissionChangeHeight : null,
            ["delegators"] = Delegators(state, pool).Count(),
            ["unbonding"] = UnbondingTotal(state, pool.Provider).ToString(),
            ["rewardsUnclaimed"] = state.BalanceOf(StakingStore.RewardAccount(pool.Provider), AssetId.Fsh).ToString(),
        };
        if (!details) return json;

        var positions = new JsonArray();
        foreach (var position in StakingStore.Positions(state, pool.Provider))
        {
            positions.Add(new JsonObject
            {
                ["account"] = position.Delegator.ToString(),
                ["selfBond"] = position.IsSelfBond,
                ["shares"] = position.Shares.ToString(),
                ["tokens"] = pool.TokensFor(position.Shares).ToString(),
                ["rewards"] = StakingModule.PendingRewards(state, pool.Provider, position.Delegator).ToString(),
            });
        }

        var entries = new JsonArray();
        foreach (var entry in StakingStore.PoolUnbondings(state, pool.Provider))
        {
            entries.Add(new JsonObject
            {
                ["id"] = entry.Id,
                ["account"] = entry.Account.ToString(),
                ["tokens"] = entry.Tokens.ToString(),
                ["completionHeight"] = entry.CompletionHeight,
            });
        }

        json["positions"] = positions;
        json["unbondingEntries"] = entries;
        return json;
    }

    /// <summary>Shows an address by the wallet's key name for it when there is one (tables only; --json keeps addresses).</summary>
    private static Func<Address, string> Labels(CliContext context)
    {
        var names = Wallet.Open(context).List().GroupBy(k => k.Address).ToDictionary(g => g.Key, g => g.First().Name);
        return address => names.GetValueOrDefault(address.ToString()) ?? address.ToString();
    }

    private static IEnumerable<StakePosition> Delegators(LedgerState state, StakePool pool) =>
        StakingStore.Positions(state, pool.Provider).Where(p => !p.IsSelfBond && !p.Shares.IsZero);

    private static Amount UnbondingTotal(LedgerState state, Address provider) =>
        StakingStore.PoolUnbondings(state, provider).Aggregate(Amount.Zero, (sum, e) => sum + e.Tokens);

    private static Amount PositionValue(LedgerState state, Address provider, Address account) =>
        StakingStore.Pool(state, provider) is { } pool && StakingStore.Position(state, provider, account) is { } position
            ? pool.TokensFor(position.Shares)
            : throw new CliUsageException($"you hold no stake in the pool of {provider}; see 'fairshare stake show'");

    private static string CommissionText(StakePool pool, ulong height) =>
        pool.HasPendingCommission(height)
            ? $"commission {Percent(pool.CommissionAt(height))} now, {PendingText(pool, height)}"
            : $"commission stays {Percent(pool.CommissionAt(height))} (a pending change was cancelled)";

    private static string PendingShort(StakePool pool, ulong height) =>
        pool.HasPendingCommission(height) ? $"{Percent(pool.PendingCommissionBps)} at {pool.CommissionChangeHeight}" : "-";

    private static string PendingText(StakePool pool, ulong height) =>
        pool.HasPendingCommission(height) ? $"{Percent(pool.PendingCommissionBps)} from block {pool.CommissionChangeHeight}" : "-";

    private static string Percent(ushort bps) => PercentArgument.Text(bps);

    private static string Fsh(Amount amount) => TokenText.Number(amount);

    /// <summary>FSH with at most four decimals, truncated (tables are for reading; --json is exact).</summary>
    private static string Short(Amount amount)
    {
        string text = Fsh(amount);
        int point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 || text.Length - point - 1 <= 4 ? text : text[..(point + 5)].TrimEnd('0').TrimEnd('.');
    }

    private static Option<string> FromOption(string description) => new("--from") { Description = description, Required = true };

    private static Option<string> ProviderOption(string description) => new("--provider") { Description = description, Required = true };

    private static Option<string> AmountOption(string description) => new("--amount") { Description = description, Required = true };
}
