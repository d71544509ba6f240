using System.Collections.Immutable;
using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare dex pools|quote|swap|add|remove</c>: the Uniswap V2 exchange.</summary>
public static class DexCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("dex", "Trade on the exchange (Uniswap V2 pools, 0.3% fee to liquidity providers) and provide liquidity.");
        command.Add(Pools());
        command.Add(Quote());
        command.Add(Swap());
        command.Add(Add());
        command.Add(Remove());
        return command;
    }

    private static Option<string> SellOption() => new("--sell") { Description = "the asset you pay, by symbol (FSH, USDF, LP-…)", Required = true };

    private static Option<string> BuyOption() => new("--buy") { Description = "the asset you receive", Required = true };

    private static Option<string> AmountOption(string what) => new("--amount") { Description = what, Required = true };

    private static Option<bool> ExactOutOption() => new("--exact-out") { Description = "--amount is what you receive, not what you pay" };

    private static Option<string[]> ViaOption() => new("--via")
    {
        Description = "route through these assets in order (multi-hop), e.g. --via USDF",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<string> ProviderOption() => new("--from") { Description = "the liquidity provider's key name", Required = true };

    private static Option<string> PairOption(string name, string which) => new(name) { Description = $"{which} asset of the pair", Required = true };

    private static Option<string> SlippageOption() => new("--slippage")
    {
        Description = "the worst price move you accept, in percent (two decimals at most)",
        DefaultValueFactory = _ => "0.5",
    };

    private static Command Pools()
    {
        var command = new Command("pools", "List the pools: reserves, spot and TWAP prices, LP supply.");
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            ulong now = state.Head.TimestampMs / 1000;
            var pools = AmmPools.All(state).ToList();
            if (context.Json)
            {
                var array = new JsonArray();
                foreach (var pool in pools)
                {
                    var twap = AmmOracle.TryTwap(state, pool.Asset0, pool.Asset1, now, out var price);
                    array.Add(new JsonObject
                    {
                        ["id"] = pool.Id,
                        ["asset0"] = Symbol(state, pool.Asset0),
                        ["asset1"] = Symbol(state, pool.Asset1),
                        ["reserve0"] = pool.Reserve0.ToString(),
                        ["reserve1"] = pool.Reserve1.ToString(),
                        ["lpAsset"] = Symbol(state, pool.LpAsset),
                        ["lpSupply"] = state.FindAsset(pool.LpAsset)!.Supply.ToString(),
                        ["spotPrice0"] = AmmOracle.Spot(pool, pool.Asset0).ToString(),
                        ["twapPrice0"] = twap == ResultCode.Ok ? price.ToString() : null,
                        ["account"] = AmmPools.Account(pool.Id).ToString(),
                    });
                }

                context.WriteJson(array);
                return ExitCodes.Ok;
            }

            if (pools.Count == 0)
            {
                context.Console.MarkupLine("no pools yet: create one with [bold]fairshare dex add[/]");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("pool", "pair", "reserves", "spot price", "TWAP price", "LP supply");
            foreach (var pool in pools)
            {
                var (symbol0, symbol1) = (Symbol(state, pool.Asset0), Symbol(state, pool.Asset1));
                var twap = AmmOracle.TryTwap(state, pool.Asset0, pool.Asset1, now, out var price);
                table.AddRow(
                    pool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{symbol0}/{symbol1}",
                    $"{TxSubmission.Format(state, pool.Asset0, pool.Reserve0)}\n{TxSubmission.Format(state, pool.Asset1, pool.Reserve1)}",
                    $"1 {symbol0} = {Mantissa(AmmOracle.Spot(pool, pool.Asset0))} {symbol1}",
                    twap == ResultCode.Ok ? $"{Mantissa(price.ToBigInteger())} {symbol1}" : "[grey]not ready[/]",
                    TxSubmission.Format(state, pool.LpAsset, state.FindAsset(pool.LpAsset)!.Supply));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Quote()
    {
        var (sell, buy, amount, exactOut, via) = (SellOption(), BuyOption(), AmountOption("amount to pay (or with --exact-out, to receive)"), ExactOutOption(), ViaOption());
        var command = new Command("quote", "Price a swap without sending anything (Router02 getAmountsOut / getAmountsIn).") { sell, buy, amount, exactOut, via };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var path = Path(state, parsed.GetValue(sell)!, parsed.GetValue(buy)!, parsed.GetValue(via));
            bool isExactOut = parsed.GetValue(exactOut);
            var value = TxSubmission.ParseAmount(state, isExactOut ? path[^1] : path[0], parsed.GetValue(amount)!, "--amount");
            var amounts = Amounts(state, path, value, isExactOut);
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["path"] = new JsonArray([.. path.Select(a => (JsonNode)Symbol(state, a))]),
                    ["amounts"] = new JsonArray([.. amounts.Select(a => (JsonNode)a.ToString())]),
                });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"pay [bold]{Markup.Escape(Human(state, path[0], amounts[0]))}[/] → receive [bold]{Markup.Escape(Human(state, path[^1], amounts[^1]))}[/]"
                + (path.Length > 2 ? $" via {string.Join(" → ", path.Select(a => Symbol(state, a)))}" : ""));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Swap()
    {
        var from = new Option<string>("--from") { Description = "the trader's key name", Required = true };
        var (sell, buy, amount, exactOut, via, slippage) = (SellOption(), BuyOption(), AmountOption("amount to pay (or with --exact-out, to receive)"), ExactOutOption(), ViaOption(), SlippageOption());
        var fee = TransferCommand.FeeOption();
        var command = new Command("swap", "Swap one asset for another at the pool price, protected by a slippage limit.") { from, sell, buy, amount, exactOut, via, slippage, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var path = Path(state, parsed.GetValue(sell)!, parsed.GetValue(buy)!, parsed.GetValue(via));
            bool isExactOut = parsed.GetValue(exactOut);
            var value = TxSubmission.ParseAmount(state, isExactOut ? path[^1] : path[0], parsed.GetValue(amount)!, "--amount");
            var quoted = Amounts(state, path, value, isExactOut);
            var bps = PercentArgument.ToBps(parsed.GetValue(slippage)!, "--slippage");
            // Exact in: at least the quote less the slippage; exact out: at most the quote plus it.
            var limit = isExactOut
                ? ToAmount(quoted[0].ToBigInteger() * (10_000 + bps) / 10_000)
                : ToAmount(quoted[^1].ToBigInteger() * (10_000 - bps) / 10_000);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new AmmSwapPayload(path, value, limit, isExactOut), parsed.GetValue(fee),
                flows => FillReport.Swap(state, flows, path[0], path[^1], isExactOut, limit, bps));
        }));
        return command;
    }

    private static Command Add()
    {
        var (from, assetA, assetB) = (ProviderOption(), PairOption("--a", "first"), PairOption("--b", "second"));
        var amountA = new Option<string>("--amount-a") { Description = "the most of the first asset to deposit", Required = true };
        var amountB = new Option<string>("--amount-b") { Description = "the most of the second asset to deposit", Required = true };
        var slippage = SlippageOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("add", "Deposit both assets of a pair at the pool's ratio (creating the pool on first deposit) for LP shares.")
        {
            from, assetA, assetB, amountA, amountB, slippage, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var a = TxSubmission.FindAsset(state, parsed.GetValue(assetA)!).Id;
            var b = TxSubmission.FindAsset(state, parsed.GetValue(assetB)!).Id;
            var desiredA = TxSubmission.ParseAmount(state, a, parsed.GetValue(amountA)!, "--amount-a");
            var desiredB = TxSubmission.ParseAmount(state, b, parsed.GetValue(amountB)!, "--amount-b");
            var bps = PercentArgument.ToBps(parsed.GetValue(slippage)!, "--slippage");
            var minA = ToAmount(desiredA.ToBigInteger() * (10_000 - bps) / 10_000);
            var minB = ToAmount(desiredB.ToBigInteger() * (10_000 - bps) / 10_000);
            if (AmmPools.Find(state, a, b) is { } pool && !pool.Reserve0.IsZero)
            {
                // Only the side the pool's ratio trims needs the slippage floor; the other side is deposited in full.
                var (optimalA, optimalB) = UniswapV2Math.AddLiquidityAmounts(desiredA.ToBigInteger(), desiredB.ToBigInteger(), 0, 0,
                    pool.ReserveOf(a).ToBigInteger(), pool.ReserveOf(b).ToBigInteger());
                minA = ToAmount(optimalA * (10_000 - bps) / 10_000);
                minB = ToAmount(optimalB * (10_000 - bps) / 10_000);
            }

            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new AmmAddLiquidityPayload(a, b, desiredA, desiredB, minA, minB), parsed.GetValue(fee),
                flows =>
                {
                    // The first deposit creates the pool and its LP asset: then read both from the state that includes it.
                    var after = AmmPools.Find(state, a, b) is null ? chain.State : state;
                    var added = AmmPools.Find(after, a, b)!;
                    return FillReport.Added(after, flows, PoolName(after, added), added.LpAsset);
                });
        }));
        return command;
    }

    private static Command Remove()
    {
        var (from, assetA, assetB) = (ProviderOption(), PairOption("--a", "first"), PairOption("--b", "second"));
        var liquidity = new Option<string>("--liquidity") { Description = "LP shares to burn", Required = true };
        var slippage = SlippageOption();
        var fee = TransferCommand.FeeOption();
        var command = new Command("remove", "Burn LP shares for your pro-rata part of both reserves.") { from, assetA, assetB, liquidity, slippage, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var a = TxSubmission.FindAsset(state, parsed.GetValue(assetA)!).Id;
            var b = TxSubmission.FindAsset(state, parsed.GetValue(assetB)!).Id;
            var pool = AmmPools.Find(state, a, b) ?? throw new CliUsageException($"there is no {Symbol(state, a)}/{Symbol(state, b)} pool; see 'fairshare dex pools'");
            var shares = TxSubmission.ParseAmount(state, pool.LpAsset, parsed.GetValue(liquidity)!, "--liquidity");
            var supply = state.FindAsset(pool.LpAsset)!.Supply.ToBigInteger();
            var bps = PercentArgument.ToBps(parsed.GetValue(slippage)!, "--slippage");
            BigInteger Expected(AssetId asset) => supply.IsZero ? 0 : shares.ToBigInteger() * pool.ReserveOf(asset).ToBigInteger() / supply * (10_000 - bps) / 10_000;
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key,
                new AmmRemoveLiquidityPayload(a, b, shares, ToAmount(Expected(a)), ToAmount(Expected(b))), parsed.GetValue(fee),
                flows => FillReport.Removed(state, flows, PoolName(state, pool), pool.LpAsset));
        }));
        return command;
    }

    /// <summary>The swap path: sell, the --via assets, buy.</summary>
    private static ImmutableArray<AssetId> Path(LedgerState state, string sell, string buy, string[]? via)
    {
        var path = new[] { sell }.Concat(via ?? []).Append(buy).Select(s => TxSubmission.FindAsset(state, s).Id).ToImmutableArray();
        if (path.Length > AmmModule.MaxPathLength) throw new CliUsageException($"a path has at most {AmmModule.MaxPathLength} assets");
        for (int i = 0; i + 1 < path.Length; i++)
        {
            if (AmmPools.Find(state, path[i], path[i + 1]) is null)
                throw new CliUsageException($"there is no {Symbol(state, path[i])}/{Symbol(state, path[i + 1])} pool; see 'fairshare dex pools' or route with --via");
        }

        return path;
    }

    /// <summary>Router02 amounts along the path; a revert becomes one clear line.</summary>
    private static Amount[] Amounts(LedgerState state, ImmutableArray<AssetId> path, Amount amount, bool exactOut)
    {
        var pools = Enumerable.Range(0, path.Length - 1).Select(i => AmmPools.Find(state, path[i], path[i + 1])!).ToArray();
        var reservesIn = pools.Select((p, i) => p.ReserveOf(path[i]).ToBigInteger()).ToArray();
        var reservesOut = pools.Select((p, i) => p.ReserveOf(path[i + 1]).ToBigInteger()).ToArray();
        try
        {
            var amounts = exactOut
                ? UniswapV2Math.GetAmountsIn(amount.ToBigInteger(), reservesIn, reservesOut)
                : UniswapV2Math.GetAmountsOut(amount.ToBigInteger(), reservesIn, reservesOut);
            return [.. amounts.Select(ToAmount)];
        }
        catch (RevertException revert)
        {
            throw new CliUsageException($"the pools cannot price this swap: {revert.Error} (see 'fairshare dex pools')");
        }
    }

    /// <summary>A computed amount, or a usage error when it is out of range.</summary>
    internal static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new CliUsageException("the amount is out of range");

    /// <summary>"the FSH/USDF pool", its assets in the pool's order, as 'dex pools' lists it.</summary>
    private static string PoolName(LedgerState state, Pool pool) => $"the {Symbol(state, pool.Asset0)}/{Symbol(state, pool.Asset1)} pool";

    private static string Symbol(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Symbol ?? asset.ToString();

    private static string Human(LedgerState state, AssetId asset, Amount amount) => TxSubmission.Format(state, asset, amount);

    private static string Mantissa(BigInteger mantissa) => Amount.TryFromBigInteger(mantissa, out var amount) ? amount.ToDecimalString(18) : mantissa.ToString();
}
