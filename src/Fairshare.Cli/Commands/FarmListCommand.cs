using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare farm list [--account NAME]</c>: every farm, its rate, period end and APR, and an account's position.</summary>
public static class FarmListCommand
{
    private const int ShownDecimals = 4;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var account = new Option<string?>("--account") { Description = "also show this account's stake and earned FSH (key name or address)" };
        var command = new Command("list", """
            List the farms: staking asset, total staked, reward rate, period end, and the APR in FSH terms when the
            staking asset can be priced (FSH itself, LP shares of an FSH pool, or an asset with an FSH pool's TWAP).
            Earned amounts are as of now, the time the next block would carry.
            """)
        {
            account,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => Run(context, parsed.GetValue(account))));
        return command;
    }

    /// <summary>A block time in seconds as UTC text.</summary>
    public static string FormatTime(ulong seconds) =>
        seconds == 0 ? "-" : DateTimeOffset.FromUnixTimeSeconds((long)seconds).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static int Run(CliContext context, string? accountText)
    {
        using var chain = ChainAccess.Open(context);
        var state = chain.State;
        Address? account = accountText is null ? null : Wallet.Resolve(context, accountText);
        ulong now = Math.Max((ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), state.Head.TimestampMs / 1000);
        var farms = FarmRegistry.All(state).ToList();
        if (context.Json)
        {
            var list = new JsonArray();
            foreach (var farm in farms) list.Add(ToJson(state, farm, account, now));
            context.WriteJson(new JsonObject { ["now"] = now, ["farms"] = list });
            return ExitCodes.Ok;
        }

        if (farms.Count == 0)
        {
            context.Console.MarkupLine("no farms yet; the treasury creates them with 'fairshare farm create'");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("farm", "stakes", "total staked", "FSH a day", "period ends (UTC)", "APR");
        if (account is not null) table.AddColumns("your stake", "you earned FSH");
        foreach (var farm in farms)
        {
            var row = new List<string>
            {
                farm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Symbol(state, farm.StakingAsset),
                FormatAmount(state, farm.StakingAsset, farm.TotalStaked),
                Short(DailyRate(farm, now), 18),
                farm.PeriodFinish == 0 ? "not funded" : farm.PeriodFinish > now ? FormatTime(farm.PeriodFinish) : "over",
                FormatApr(FarmViews.AprBps(state, farm, now)),
            };
            if (account is { } who)
            {
                row.Add(FormatAmount(state, farm.StakingAsset, FarmRegistry.GetStake(state, farm.Id, who).Balance));
                row.Add(Short(FarmViews.Earned(state, farm, who, now), 18));
            }

            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        context.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static JsonObject ToJson(LedgerState state, Farm farm, Address? account, ulong now)
    {
        var apr = FarmViews.AprBps(state, farm, now);
        var json = new JsonObject
        {
            ["id"] = farm.Id,
            ["stakingAsset"] = Symbol(state, farm.StakingAsset),
            ["stakingAssetId"] = farm.StakingAsset.Value,
            ["totalStaked"] = farm.TotalStaked.ToString(),
            ["rewardRatePerSecond"] = farm.RewardRate.ToString(),
            ["periodFinish"] = farm.PeriodFinish,
            ["rewardsDuration"] = farm.RewardsDuration,
            ["aprBps"] = apr?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["totalNotified"] = farm.TotalNotified.ToString(),
            ["totalPaid"] = farm.TotalPaid.ToString(),
        };
        if (account is { } who)
        {
            json["staked"] = FarmRegistry.GetStake(state, farm.Id, who).Balance.ToString();
            json["earned"] = FarmViews.Earned(state, farm, who, now).ToString();
        }

        return json;
    }

    /// <summary>FSH paid a day at the current rate; zero once the period is over.</summary>
    private static Amount DailyRate(Farm farm, ulong now) =>
        farm.PeriodFinish > now ? farm.RewardRate * new Amount(86_400) : Amount.Zero;

    private static string FormatApr(BigInteger? bps) =>
        bps is { } value ? $"{value / 100}.{(int)(value % 100):D2}%" : "-";

    private static string Symbol(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Symbol ?? asset.ToString();

    private static string FormatAmount(LedgerState state, AssetId asset, Amount amount) =>
        Short(amount, state.FindAsset(asset)?.Decimals ?? 18);

    /// <summary>An amount with at most <see cref="ShownDecimals"/> decimals, truncated (the table is for reading; --json is exact).</summary>
    private static string Short(Amount amount, int decimals)
    {
        string text = amount.ToDecimalString(decimals);
        int point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 || text.Length - point - 1 <= ShownDecimals ? text : text[..(point + 1 + ShownDecimals)].TrimEnd('0').TrimEnd('.');
    }
}
