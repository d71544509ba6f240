using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare lend supply|redeem|borrow|repay|liquidate|markets|account</c>: the Compound v2 lending markets.</summary>
public static class LendCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("lend", """
            Lend and borrow in Compound v2 markets (one per asset; supplying to an asset without a market creates it).
            Suppliers get cTokens ("c" + symbol, 8 decimals) that grow in value as borrowers pay interest. Borrowing is
            limited by the collateral factor times the value of your cTokens, priced by AMM time-weighted average prices
            (TWAP) against USDF, never by spot prices; an asset without a mature TWAP cannot back or be borrowed.
            """);
        command.Add(Supply());
        command.Add(Redeem());
        command.Add(Borrow());
        command.Add(Repay());
        command.Add(Liquidate());
        command.Add(Markets());
        command.Add(AccountView());
        return command;
    }

    private static Option<string> From() => new("--from") { Description = "the sending key's name", Required = true };

    private static Option<string> AssetOption(string description) => new("--asset") { Description = description, Required = true };

    private static Command Supply()
    {
        var (from, asset, fee) = (From(), AssetOption("the asset to supply (symbol or id)"), TransferCommand.FeeOption());
        var amount = new Option<string>("--amount") { Description = "amount of the asset, e.g. 100", Required = true };
        var command = new Command("supply", "Supply an asset to its market for cTokens (creates the market if the asset has none).") { from, asset, amount, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var info = TxSubmission.FindAsset(chain.State, parsed.GetValue(asset)!);
            var value = TxSubmission.ParseAmount(chain.State, info.Id, parsed.GetValue(amount)!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new LendSupplyPayload(info.Id, value), parsed.GetValue(fee),
                () => $"supplied {value.ToGroupedString(info.Decimals)} {info.Symbol}");
        }));
        return command;
    }

    private static Command Redeem()
    {
        var (from, asset, fee) = (From(), AssetOption("the underlying asset of the market (symbol or id)"), TransferCommand.FeeOption());
        var amount = new Option<string?>("--amount") { Description = "underlying to take out, e.g. 50" };
        var tokens = new Option<string?>("--tokens") { Description = "cTokens to burn instead, e.g. 2500" };
        var all = new Option<bool>("--all") { Description = "burn all your cTokens of the market" };
        var command = new Command("redeem", "Burn cTokens for the underlying: give exactly one of --amount, --tokens or --all. Refused if it would leave your borrows uncovered.")
        {
            from, asset, amount, tokens, all, fee,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var info = TxSubmission.FindAsset(state, parsed.GetValue(asset)!);
            var market = MarketOf(state, info);
            var (amountText, tokensText, everything) = (parsed.GetValue(amount), parsed.GetValue(tokens), parsed.GetValue(all));
            if ((amountText is null ? 0 : 1) + (tokensText is null ? 0 : 1) + (everything ? 1 : 0) != 1)
                throw new CliUsageException("give exactly one of --amount, --tokens or --all");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var burn = everything ? state.BalanceOf(key.Address, market.CToken)
                : tokensText is null ? Amount.Zero : TxSubmission.ParseAmount(state, market.CToken, tokensText, "--tokens");
            var take = amountText is null ? Amount.Zero : TxSubmission.ParseAmount(state, info.Id, amountText, "--amount");
            if (burn.IsZero && take.IsZero) throw new CliUsageException($"nothing to redeem: you hold no {Symbol(state, market.CToken)}");
            return TxSubmission.Submit(context, chain, key, new LendRedeemPayload(info.Id, burn, take), parsed.GetValue(fee),
                () => take.IsZero ? $"redeemed {TxSubmission.Format(state, market.CToken, burn)}" : $"redeemed {take.ToGroupedString(info.Decimals)} {info.Symbol}");
        }));
        return command;
    }

    private static Command Borrow()
    {
        var (from, asset, fee) = (From(), AssetOption("the asset to borrow (symbol or id)"), TransferCommand.FeeOption());
        var amount = new Option<string>("--amount") { Description = "amount to borrow, e.g. 50", Required = true };
        var command = new Command("borrow", "Borrow from a market against your supplied collateral (see 'fairshare lend account' for your limit).") { from, asset, amount, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var info = TxSubmission.FindAsset(chain.State, parsed.GetValue(asset)!);
            var value = TxSubmission.ParseAmount(chain.State, info.Id, parsed.GetValue(amount)!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new LendBorrowPayload(info.Id, value), parsed.GetValue(fee),
                () => $"borrowed {value.ToGroupedString(info.Decimals)} {info.Symbol}");
        }));
        return command;
    }

    private static Command Repay()
    {
        var (from, asset, fee) = (From(), AssetOption("the borrowed asset (symbol or id)"), TransferCommand.FeeOption());
        var amount = new Option<string?>("--amount") { Description = "amount to repay, e.g. 20" };
        var all = new Option<bool>("--all") { Description = "repay the whole borrow, interest included" };
        var borrower = new Option<string?>("--borrower") { Description = "repay someone else's borrow (address or key name; default: your own)" };
        var command = new Command("repay", "Repay a borrow, yours or another account's: give --amount or --all.") { from, asset, amount, all, borrower, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var info = TxSubmission.FindAsset(chain.State, parsed.GetValue(asset)!);
            var (amountText, everything) = (parsed.GetValue(amount), parsed.GetValue(all));
            if ((amountText is null) == !everything) throw new CliUsageException("give exactly one of --amount or --all");
            var value = everything ? Amount.MaxValue : TxSubmission.ParseAmount(chain.State, info.Id, amountText!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var whose = parsed.GetValue(borrower) is { } who ? Wallet.Resolve(context, who) : key.Address;
            return TxSubmission.Submit(context, chain, key, new LendRepayPayload(info.Id, whose, value), parsed.GetValue(fee),
                () => $"repaid {(everything ? "all" : value.ToGroupedString(info.Decimals))} {info.Symbol} of {whose}'s borrow");
        }));
        return command;
    }

    private static Command Liquidate()
    {
        var (from, asset, fee) = (From(), AssetOption("the asset the borrower owes, which you repay (symbol or id)"), TransferCommand.FeeOption());
        var borrower = new Option<string>("--borrower") { Description = "the account with a shortfall (address or key name)", Required = true };
        var amount = new Option<string>("--amount") { Description = "amount of its debt to repay (at most the close factor, 50% by default)", Required = true };
        var collateral = new Option<string>("--collateral") { Description = "the market whose cTokens you seize (symbol or id of its underlying)", Required = true };
        var command = new Command("liquidate", """
            Repay part of a short borrower's debt and seize its collateral cTokens worth the repay plus the liquidation
            incentive (8% by default); a share of the seized cTokens (2.8%) goes to the market's reserves.
            """) { from, borrower, asset, amount, collateral, fee };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var info = TxSubmission.FindAsset(chain.State, parsed.GetValue(asset)!);
            var seized = TxSubmission.FindAsset(chain.State, parsed.GetValue(collateral)!);
            var value = TxSubmission.ParseAmount(chain.State, info.Id, parsed.GetValue(amount)!, "--amount");
            var whose = Wallet.Resolve(context, parsed.GetValue(borrower)!);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new LendLiquidatePayload(whose, info.Id, value, seized.Id), parsed.GetValue(fee),
                () => $"liquidated {whose}: repaid {value.ToGroupedString(info.Decimals)} {info.Symbol}, seized c{seized.Symbol}");
        }));
        return command;
    }

    private static Command Markets()
    {
        var command = new Command("markets", """
            Show every lending market: cash, borrows, reserves, utilisation, yearly borrow and supply rates (simple, at
            2,102,400 blocks a year), the cToken exchange rate and the TWAP price in the quote asset (USDF).
            Values are as of each market's last accrual.
            """);
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            ulong now = state.Head.TimestampMs / 1000;
            var summaries = LendingMarkets.All(state).Select(m => MarketSummary.Of(state, m, now)).ToList();
            if (context.Json)
            {
                var markets = new JsonArray();
                foreach (var s in summaries) markets.Add(ToJson(state, s));
                context.WriteJson(new JsonObject { ["height"] = state.Head.Height, ["markets"] = markets });
                return ExitCodes.Ok;
            }

            if (summaries.Count == 0)
            {
                context.Console.MarkupLine("no lending markets yet; 'fairshare lend supply' creates one");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("market").AddColumn("cToken");
            foreach (var column in new[] { "cash", "borrows", "reserves", "utilization", "borrow APR", "supply APR", "exchange rate", "TWAP price" })
                table.AddColumn(new TableColumn(column).RightAligned());
            foreach (var s in summaries)
            {
                var info = state.FindAsset(s.Market.Underlying)!;
                table.AddRow(
                    Markup.Escape(info.Symbol), Markup.Escape(Symbol(state, s.Market.CToken)),
                    Decimal(s.Cash, info.Decimals), Decimal(s.Market.TotalBorrows, info.Decimals), Decimal(s.Market.TotalReserves, info.Decimals),
                    Percent(s.Utilization), Percent(MarketSummary.Yearly(s.BorrowRatePerBlock)), Percent(MarketSummary.Yearly(s.SupplyRatePerBlock)),
                    Shown(s.ExchangeRate, 10 + info.Decimals, 12), s.Price.IsZero ? "[yellow]no TWAP[/]" : Price(state, s));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command AccountView()
    {
        var who = new Argument<string>("account") { Description = "a key name or an address (fs1…)" };
        var command = new Command("account", "Show an account's supplies and borrows in every market, and its borrowing power left (or shortfall) at TWAP prices.") { who };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var address = Wallet.Resolve(context, parsed.GetValue(who)!);
            ulong now = state.Head.TimestampMs / 1000;
            var code = LendingModule.TryAccountLiquidity(state, address, now, out var liquidity);
            var rows = new List<(string Market, string Supplied, string Borrowed)>();
            foreach (var market in LendingMarkets.All(state))
            {
                var info = state.FindAsset(market.Underlying)!;
                var tokens = state.BalanceOf(address, market.CToken).ToBigInteger();
                var owed = CompoundV2Math.BorrowBalanceStored(LendingMarkets.Borrow(state, market.Underlying, address).Snapshot, market.BorrowIndex);
                if (tokens.IsZero && owed.IsZero) continue;
                var supplied = tokens * LendingMarkets.ExchangeRate(state, market) / CompoundExp.ExpScale;
                rows.Add((info.Symbol, Decimal(supplied, info.Decimals), Decimal(owed, info.Decimals)));
            }

            var quote = state.FindAsset(LendingMarkets.Params(state).QuoteAsset)!;
            if (context.Json)
            {
                var positions = new JsonArray();
                foreach (var row in rows) positions.Add(new JsonObject { ["market"] = row.Market, ["supplied"] = row.Supplied, ["borrowed"] = row.Borrowed });
                var json = new JsonObject { ["address"] = address.ToString(), ["positions"] = positions };
                if (code == ResultCode.Ok)
                {
                    json["liquidity"] = Decimal(liquidity.Liquidity, quote.Decimals);
                    json["shortfall"] = Decimal(liquidity.Shortfall, quote.Decimals);
                }
                else
                {
                    json["liquidityError"] = code.ToString();
                }

                context.WriteJson(json);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("market").AddColumn(new TableColumn("supplied").RightAligned()).AddColumn(new TableColumn("borrowed").RightAligned());
            foreach (var row in rows) table.AddRow(Markup.Escape(row.Market), row.Supplied, row.Borrowed);
            context.Console.Write(table);
            context.Console.MarkupLine(code != ResultCode.Ok
                ? $"borrowing power unknown: a market it uses has no TWAP price ({code})"
                : liquidity.Shortfall.IsZero
                    ? $"can still borrow [green]{Decimal(liquidity.Liquidity, quote.Decimals)} {Markup.Escape(quote.Symbol)}[/] worth"
                    : $"[red]shortfall {Decimal(liquidity.Shortfall, quote.Decimals)} {Markup.Escape(quote.Symbol)}[/]: it can be liquidated");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Market MarketOf(LedgerState state, AssetInfo info) =>
        LendingMarkets.Get(state, info.Id) ?? throw new CliUsageException($"{info.Symbol} has no lending market; see 'fairshare lend markets'");

    private static string Symbol(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Symbol ?? asset.ToString();

    private static JsonObject ToJson(LedgerState state, MarketSummary s)
    {
        var info = state.FindAsset(s.Market.Underlying)!;
        return new JsonObject
        {
            ["asset"] = info.Symbol,
            ["ctoken"] = Symbol(state, s.Market.CToken),
            ["cash"] = s.Cash.ToString(),
            ["borrows"] = s.Market.TotalBorrows.ToString(),
            ["reserves"] = s.Market.TotalReserves.ToString(),
            ["ctokenSupply"] = s.CTokenSupply.ToString(),
            ["utilizationMantissa"] = s.Utilization.ToString(),
            ["borrowRatePerBlock"] = s.BorrowRatePerBlock.ToString(),
            ["supplyRatePerBlock"] = s.SupplyRatePerBlock.ToString(),
            ["exchangeRateMantissa"] = s.ExchangeRate.ToString(),
            ["twapPriceMantissa"] = s.Price.IsZero ? null : s.Price.ToString(),
            ["collateralFactorMantissa"] = s.Market.Risk.CollateralFactor.ToString(),
            ["reserveFactorMantissa"] = s.Market.Risk.ReserveFactor.ToString(),
        };
    }

    /// <summary>Quote per whole underlying: the mantissa times 10^decimals, in the quote's decimals plus 18, to 6 decimals.</summary>
    private static string Price(LedgerState state, MarketSummary s)
    {
        var info = state.FindAsset(s.Market.Underlying)!;
        var quote = state.FindAsset(LendingMarkets.Params(state).QuoteAsset)!;
        return $"{Shown(s.Price * BigInteger.Pow(10, info.Decimals), 18 + quote.Decimals, 6)} {Markup.Escape(quote.Symbol)}";
    }

    /// <summary>A 1e18 mantissa as a percentage with two decimals (truncated).</summary>
    private static string Percent(BigInteger mantissa) => Shown(mantissa, 16, 2) + "%";

    /// <summary>A fixed-point value with <paramref name="decimals"/> decimals shown with at most <paramref name="keep"/> of them (truncated).</summary>
    private static string Shown(BigInteger value, int decimals, int keep) =>
        decimals <= keep ? Decimal(value, decimals) : Decimal(value / BigInteger.Pow(10, decimals - keep), keep);

    private static string Decimal(BigInteger value, int decimals) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount.ToDecimalString(decimals) : value.ToString();
}
