using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare stable pools|add|remove|exchange</c>: Curve StableSwap pools for assets meant to trade near 1:1.</summary>
public static class StableCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("stable",
            "Trade between stable assets on StableSwap pools (Curve: near 1:1 prices, 0.04% fee, half of it to the treasury) and provide liquidity.");
        command.Add(Pools());
        command.Add(Add());
        command.Add(Remove());
        command.Add(Exchange());
        return command;
    }

    private static Option<string> FromOption(string who) => new("--from") { Description = $"the {who}'s key name", Required = true };

    private static Option<string> SlippageOption() => new("--slippage")
    {
        Description = "the worst move from the quote you accept, in percent (two decimals at most)",
        DefaultValueFactory = _ => "0.5",
    };

    private static Option<uint?> PoolOption(bool required) => new("--pool")
    {
        Description = required ? "the pool id (see 'fairshare stable pools')" : "the pool id; by default the first pool holding both assets",
        Required = required,
    };

    private static Command Pools()
    {
        var command = new Command("pools", "List the StableSwap pools: coins and balances, amplification A, fees, virtual price, LP supply.");
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var pools = StablePools.All(state).ToList();
            if (context.Json)
            {
                context.WriteJson(new JsonArray([.. pools.Select(p => (JsonNode)PoolJson(state, p))]));
                return ExitCodes.Ok;
            }

            if (pools.Count == 0)
            {
                context.Console.MarkupLine("no stable pools yet: create one with [bold]fairshare stable add --assets USDF,... --amounts ...[/]");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("pool", "coins", "balances", "A", "fee / admin fee", "virtual price", "LP supply");
            foreach (var pool in pools)
            {
                var price = StablePools.VirtualPrice(state, pool);
                table.AddRow(
                    pool.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join('/', pool.Assets.Select(a => Symbol(state, a)))),
                    Markup.Escape(string.Join('\n', pool.Assets.Select((a, k) => TxSubmission.Format(state, a, pool.Balances[k])))),
                    PublicA(pool).ToString(CultureInfo.InvariantCulture),
                    $"{Percent(pool.Fee)}% / {Percent(pool.AdminFee)}%",
                    price is { } p ? Wad(p) : "[grey]empty[/]",
                    Markup.Escape(TxSubmission.Format(state, pool.LpAsset, StablePools.LpSupply(state, pool))));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Add()
    {
        var from = FromOption("liquidity provider");
        var assets = new Option<string>("--assets") { Description = "the pool's coins, comma-separated (2 or 3), e.g. USDF,USDX", Required = true };
        var amounts = new Option<string>("--amounts") { Description = "what to deposit of each coin, in --assets order, e.g. 100,100 (0 allowed once the pool holds every coin)", Required = true };
        var amplification = new Option<uint>("--a") { Description = "the amplification A of a new pool (default: the governed value, 100); ignored for an existing pool" };
        var slippage = SlippageOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("add",
            "Deposit coins into the pool of these assets for LP shares (any mix; an imbalanced one pays a fee). Creates the pool if there is none.")
        {
            from, assets, amounts, amplification, slippage, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var coins = ParseList(parsed.GetValue(assets)!).Select(s => TxSubmission.FindAsset(state, s).Id).ToImmutableArray();
            var values = ParseList(parsed.GetValue(amounts)!);
            if (values.Length != coins.Length) throw new CliUsageException($"--amounts has {values.Length} entries for {coins.Length} assets");
            var given = coins.Select((c, k) => TxSubmission.ParseAmount(state, c, values[k], "--amounts", mayBeZero: true)).ToArray();
            var pool = FindByAssets(state, coins);
            var ordered = pool is null ? [.. given] : pool.Assets.Select(a => given[coins.IndexOf(a)]).ToImmutableArray();
            var bps = PercentArgument.ToBps(parsed.GetValue(slippage)!, "--slippage");
            TxPayload payload;
            if (pool is null)
            {
                // A new pool's id is the next one in sequence; the first deposit mints D shares, so no floor is needed.
                uint id = (uint)StablePools.All(state).Count() + 1;
                payload = new BatchPayload([new StableCreatePoolPayload(coins, parsed.GetValue(amplification)), new StableAddLiquidityPayload(id, ordered, Amount.Zero)]);
            }
            else
            {
                var math = pool.ToMath(StablePools.LpSupply(state, pool));
                var quoted = math.TokenSupply.IsZero ? BigInteger.Zero : Quote(() => StableSwapMath.CalcTokenAmount(math, [.. ordered.Select(a => a.ToBigInteger())], true));
                payload = new StableAddLiquidityPayload(pool.Id, ordered, LessSlippage(quoted, bps));
            }

            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, payload, parsed.GetValue(fee),
                flows =>
                {
                    // A first deposit creates the pool and its LP asset: then read both from the state that includes it.
                    var after = pool is null ? chain.State : state;
                    return FillReport.Added(after, flows, $"the {string.Join('/', coins.Select(c => Symbol(after, c)))} stable pool", FindByAssets(after, coins)!.LpAsset);
                });
        }));
        return command;
    }

    private static Command Remove()
    {
        var from = FromOption("liquidity provider");
        var pool = PoolOption(required: true);
        var lp = new Option<string>("--lp") { Description = "LP shares to burn", Required = true };
        var coin = new Option<string?>("--coin") { Description = "take everything in this one coin (pays an imbalance fee) instead of a share of every coin" };
        var slippage = SlippageOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("remove", "Burn LP shares for your pro-rata part of every coin, or with --coin for one coin.") { from, pool, lp, coin, slippage, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var found = Get(state, parsed.GetValue(pool)!.Value);
            var shares = TxSubmission.ParseAmount(state, found.LpAsset, parsed.GetValue(lp)!, "--lp");
            var math = found.ToMath(StablePools.LpSupply(state, found));
            if (math.TokenSupply.IsZero) throw new CliUsageException($"stable pool {found.Id} has no liquidity");
            var bps = PercentArgument.ToBps(parsed.GetValue(slippage)!, "--slippage");
            TxPayload payload;
            if (parsed.GetValue(coin) is { } symbol)
            {
                int i = found.Assets.IndexOf(TxSubmission.FindAsset(state, symbol).Id);
                if (i < 0) throw new CliUsageException($"{symbol} is not a coin of stable pool {found.Id}");
                var dy = Quote(() => StableSwapMath.CalcWithdrawOneCoin(math, shares.ToBigInteger(), i).Dy);
                payload = new StableRemoveOneCoinPayload(found.Id, shares, (byte)i, LessSlippage(dy, bps));
            }
            else
            {
                var mins = math.Balances.Select(b => LessSlippage(b * shares.ToBigInteger() / math.TokenSupply, bps)).ToImmutableArray();
                payload = new StableRemoveLiquidityPayload(found.Id, shares, mins);
            }

            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, payload, parsed.GetValue(fee),
                flows => FillReport.Removed(state, flows, $"the {string.Join('/', found.Assets.Select(a => Symbol(state, a)))} stable pool", found.LpAsset));
        }));
        return command;
    }

    private static Command Exchange()
    {
        var from = FromOption("trader");
        var sell = new Option<string>("--sell") { Description = "the coin you pay, by symbol", Required = true };
        var buy = new Option<string>("--buy") { Description = "the coin you receive", Required = true };
        var amount = new Option<string>("--amount") { Description = "amount of --sell to pay", Required = true };
        var pool = PoolOption(required: false);
        var slippage = SlippageOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("exchange", "Sell an amount of one coin for another on a stable pool (Curve exchange), protected by a slippage limit.")
        {
            from, sell, buy, amount, pool, slippage, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var (a, b) = (TxSubmission.FindAsset(state, parsed.GetValue(sell)!).Id, TxSubmission.FindAsset(state, parsed.GetValue(buy)!).Id);
            var found = parsed.GetValue(pool) is { } id
                ? Get(state, id)
                : StablePools.All(state).FirstOrDefault(p => p.Assets.Contains(a) && p.Assets.Contains(b))
                    ?? throw new CliUsageException($"no stable pool holds both {Symbol(state, a)} and {Symbol(state, b)}; see 'fairshare stable pools'");
            var (i, j) = (found.Assets.IndexOf(a), found.Assets.IndexOf(b));
            if (i < 0 || j < 0 || i == j) throw new CliUsageException($"stable pool {found.Id} cannot trade {Symbol(state, a)} for {Symbol(state, b)}");
            var dx = TxSubmission.ParseAmount(state, a, parsed.GetValue(amount)!, "--amount");
            var math = found.ToMath(StablePools.LpSupply(state, found));
            if (math.TokenSupply.IsZero) throw new CliUsageException($"stable pool {found.Id} has no liquidity");
            var dy = Quote(() => StableSwapMath.GetDy(math, i, j, dx.ToBigInteger()));
            var bps = PercentArgument.ToBps(parsed.GetValue(slippage)!, "--slippage");
            var minDy = LessSlippage(dy, bps);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new StableExchangePayload(found.Id, (byte)i, (byte)j, dx, minDy), parsed.GetValue(fee),
                flows => FillReport.Swap(state, flows, a, b, exactOut: false, minDy, bps));
        }));
        return command;
    }

    private static JsonObject PoolJson(LedgerState state, StablePool pool) => new()
    {
        ["id"] = pool.Id,
        ["coins"] = new JsonArray([.. pool.Assets.Select(a => (JsonNode)Symbol(state, a))]),
        ["balances"] = new JsonArray([.. pool.Balances.Select(b => (JsonNode)b.ToString())]),
        ["a"] = PublicA(pool),
        ["fee"] = pool.Fee,
        ["adminFee"] = pool.AdminFee,
        ["virtualPrice"] = StablePools.VirtualPrice(state, pool)?.ToString(CultureInfo.InvariantCulture),
        ["lpAsset"] = Symbol(state, pool.LpAsset),
        ["lpSupply"] = StablePools.LpSupply(state, pool).ToString(),
        ["account"] = StablePools.Account(pool.Id).ToString(),
    };

    private static StablePool Get(LedgerState state, uint id) =>
        StablePools.Get(state, id) ?? throw new CliUsageException($"there is no stable pool {id}; see 'fairshare stable pools'");

    private static StablePool? FindByAssets(LedgerState state, ImmutableArray<AssetId> coins) =>
        StablePools.All(state).FirstOrDefault(p => p.Assets.Length == coins.Length && p.Assets.All(coins.Contains));

    private static string[] ParseList(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs a quote; a revert becomes one clear line.</summary>
    private static BigInteger Quote(Func<BigInteger> quote)
    {
        try
        {
            return quote();
        }
        catch (RevertException revert)
        {
            throw new CliUsageException($"the pool cannot price this: {revert.Error} (see 'fairshare stable pools')");
        }
    }

    private static Amount LessSlippage(BigInteger quoted, int bps) => DexCommand.ToAmount(quoted * (10_000 - bps) / 10_000);

    private static string Symbol(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Symbol ?? asset.ToString();

    private static uint PublicA(StablePool pool) => pool.Amp / (uint)StableSwapInvariant.APrecision;

    /// <summary>A fraction of 10^10 as a percentage ("0.04").</summary>
    private static string Percent(ulong fraction) => new Amount(fraction).ToDecimalString(8);

    private static string Wad(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount.ToDecimalString(18) : value.ToString(CultureInfo.InvariantCulture);
}
