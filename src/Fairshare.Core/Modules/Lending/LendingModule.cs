using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// The lending module's transaction handlers: Compound v2 cToken and Comptroller semantics (<see cref="CompoundV2Math"/>)
/// on ledger balances. Every market action first accrues the market's interest (<c>accrueInterest</c>); prices come only
/// from <see cref="LendingPrices"/> (AMM TWAPs). Every change goes through the transaction's journal, so a failure
/// anywhere leaves nothing behind.
/// </summary>
/// <remarks>
/// Simplification of <c>enterMarkets</c>: every market where an account holds cTokens or owes a borrow counts as
/// entered, in underlying-asset order. An account that owes nothing anywhere may redeem without a liquidity check
/// (and so without prices), which is the outcome Compound's check would give it.
/// </remarks>
public static class LendingModule
{
    /// <summary>Decimals of every cToken asset (Compound's 8).</summary>
    public const byte CTokenDecimals = 8;

    /// <summary>cToken base units minted to nobody at a market's first supply, so its exchange rate cannot be inflated from an empty market.</summary>
    public static readonly BigInteger MinimumShares = 1000;

    /// <summary>Creates the market of an asset with the module's default risk settings, and its cToken asset.</summary>
    public static ResultCode CreateMarket(TxContext context, AssetId underlying, out Market? market)
    {
        market = null;
        var state = context.State;
        var info = state.FindAsset(underlying);
        if (info is null) return ResultCode.UnknownAsset;
        if (LendingMarkets.Get(state, underlying) is not null) return ResultCode.LendMarketExists;
        if (LendingMarkets.IsCToken(state, underlying)) return ResultCode.LendBadUnderlying;
        var cToken = state.NextAssetId();
        string symbol = info.Symbol.Length < 24 ? "c" + info.Symbol : $"c{underlying.Value}";
        state.RegisterAsset(new AssetInfo(cToken, symbol, CTokenDecimals, Amount.Zero, null));
        LendingMarkets.IndexCToken(state, cToken, underlying);
        // Compound's initial rate, 0.02 underlying per cToken in whole units: 0.02 × 10^(18 + decimals − 8).
        var initialExchangeRate = 2 * BigInteger.Pow(10, 16 + info.Decimals - CTokenDecimals);
        market = new Market(underlying, cToken, initialExchangeRate, BigInteger.Zero, BigInteger.Zero, CompoundExp.ExpScale, context.Height,
            LendingMarkets.Params(state).NewMarketRisk());
        LendingMarkets.Put(state, market);
        return ResultCode.Ok;
    }

    /// <summary>CToken <c>mint</c>: supplies <paramref name="amount"/> (creating the market if the asset has none) for cTokens at the exchange rate.</summary>
    public static ResultCode Supply(TxContext context, AssetId asset, Amount amount)
    {
        if (amount.IsZero) return ResultCode.ZeroAmount;
        var state = context.State;
        var market = LendingMarkets.Get(state, asset);
        if (market is null)
        {
            var created = CreateMarket(context, asset, out market);
            if (created != ResultCode.Ok) return created;
        }

        market = Accrue(state, market!, context.Height);
        var minted = CompoundV2Math.MintTokens(amount.ToBigInteger(), LendingMarkets.ExchangeRate(state, market));
        var locked = state.FindAsset(market.CToken)!.Supply.IsZero ? MinimumShares : BigInteger.Zero;
        if (minted <= locked) return ResultCode.LendMintTooSmall;
        var supplier = context.Sender.Address;
        var code = context.Move(supplier, LendingMarkets.Account(asset), asset, amount, FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Mint(market.CToken, default, LendingMarkets.ToAmount(locked), FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Mint(market.CToken, supplier, LendingMarkets.ToAmount(minted - locked), FlowTag.Liquidity);
        return code;
    }

    /// <summary>
    /// CToken <c>redeem</c> (by <paramref name="tokens"/>) or <c>redeemUnderlying</c> (by <paramref name="amount"/>), exactly
    /// one of them non-zero; refused when it would leave the account short.
    /// </summary>
    public static ResultCode Redeem(TxContext context, AssetId asset, Amount tokens, Amount amount)
    {
        if (tokens.IsZero && amount.IsZero) return ResultCode.ZeroAmount;
        var state = context.State;
        var code = Load(context, asset, out var market);
        if (code != ResultCode.Ok) return code;
        var outcome = CompoundV2Math.Redeem(tokens.ToBigInteger(), amount.ToBigInteger(), LendingMarkets.ExchangeRate(state, market), LendingMarkets.Balance(state, market));
        var redeemer = context.Sender.Address;
        if (Borrows(state, redeemer) && Liquidity(state, redeemer, context.TimestampSeconds, asset, outcome.RedeemTokens, BigInteger.Zero).Shortfall > 0)
            return ResultCode.LendInsufficientLiquidity;
        code = context.Burn(market.CToken, redeemer, LendingMarkets.ToAmount(outcome.RedeemTokens), FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Move(LendingMarkets.Account(asset), redeemer, asset, LendingMarkets.ToAmount(outcome.RedeemAmount), FlowTag.Liquidity);
        return code;
    }

    /// <summary>CToken <c>borrow</c>: pays <paramref name="amount"/> out if the account's collateral, at TWAP prices, still covers all its borrows.</summary>
    public static ResultCode Borrow(TxContext context, AssetId asset, Amount amount)
    {
        if (amount.IsZero) return ResultCode.ZeroAmount;
        var state = context.State;
        var code = Load(context, asset, out var market);
        if (code != ResultCode.Ok) return code;
        var borrower = context.Sender.Address;
        if (Liquidity(state, borrower, context.TimestampSeconds, asset, BigInteger.Zero, amount.ToBigInteger()).Shortfall > 0)
            return ResultCode.LendInsufficientLiquidity;
        var current = LendingMarkets.Borrow(state, asset, borrower);
        var outcome = CompoundV2Math.Borrow(amount.ToBigInteger(), LendingMarkets.Balance(state, market), current.Snapshot, market.BorrowIndex, market.TotalBorrows);
        LendingMarkets.PutBorrow(state, asset, borrower,
            new AccountBorrow(outcome.Account.Principal, outcome.Account.InterestIndex, Add(current.Lent, amount.ToBigInteger())));
        LendingMarkets.Put(state, market with { TotalBorrows = outcome.TotalBorrows });
        return context.Move(LendingMarkets.Account(asset), borrower, asset, amount, FlowTag.Liquidity);
    }

    /// <summary>CToken <c>repayBorrow</c> / <c>repayBorrowBehalf</c>: the sender pays <paramref name="borrower"/>'s debt; <see cref="Amount.MaxValue"/> repays all of it.</summary>
    public static ResultCode Repay(TxContext context, AssetId asset, Address borrower, Amount amount)
    {
        if (amount.IsZero) return ResultCode.ZeroAmount;
        var code = Load(context, asset, out var market);
        return code == ResultCode.Ok ? RepayFresh(context, market, context.Sender.Address, borrower, amount, out _) : code;
    }

    /// <summary>
    /// CToken <c>liquidateBorrow</c>: while <paramref name="borrower"/> has a shortfall, the sender repays up to the close
    /// factor of its <paramref name="borrowed"/> debt and seizes its <paramref name="collateral"/> cTokens worth the repay
    /// times the liquidation incentive; the protocol's share of the seized cTokens is burnt into that market's reserves.
    /// </summary>
    public static ResultCode Liquidate(TxContext context, Address borrower, AssetId borrowed, Amount amount, AssetId collateral)
    {
        var state = context.State;
        var liquidator = context.Sender.Address;
        if (borrower == liquidator) return ResultCode.LendLiquidatorIsBorrower;
        var code = Load(context, borrowed, out var borrowMarket);
        if (code == ResultCode.Ok) code = Load(context, collateral, out _);
        if (code != ResultCode.Ok) return code;

        var parameters = LendingMarkets.Params(state);
        ulong now = context.TimestampSeconds;
        var owed = CompoundV2Math.BorrowBalanceStored(LendingMarkets.Borrow(state, borrowed, borrower).Snapshot, borrowMarket.BorrowIndex);
        var shortfall = Liquidity(state, borrower, now, null, BigInteger.Zero, BigInteger.Zero).Shortfall;
        CompoundV2Math.LiquidateBorrowAllowed(owed, parameters.CloseFactor, amount.ToBigInteger(), shortfall, deprecated: false);
        code = RepayFresh(context, borrowMarket, liquidator, borrower, amount, out var repaid);
        if (code != ResultCode.Ok) return code;

        // Read after the repay: when both markets are the same, the repay changed it.
        var collateralMarket = LendingMarkets.Get(state, collateral)!;
        var exchangeRate = LendingMarkets.ExchangeRate(state, collateralMarket);
        var seizeTokens = CompoundV2Math.LiquidateCalculateSeizeTokens(repaid, LendingPrices.Price(state, borrowed, now),
            LendingPrices.Price(state, collateral, now), exchangeRate, parameters.LiquidationIncentive);
        if (state.BalanceOf(borrower, collateralMarket.CToken).ToBigInteger() < seizeTokens) return ResultCode.LendSeizeTooMuch;
        var split = CompoundV2Math.SplitSeize(seizeTokens, exchangeRate, parameters.ProtocolSeizeShare);
        code = context.Move(borrower, liquidator, collateralMarket.CToken, LendingMarkets.ToAmount(split.LiquidatorSeizeTokens), FlowTag.Liquidation);
        if (code == ResultCode.Ok) code = context.Burn(collateralMarket.CToken, borrower, LendingMarkets.ToAmount(split.ProtocolSeizeTokens), FlowTag.Liquidation);
        if (code != ResultCode.Ok) return code;
        LendingMarkets.Put(state, collateralMarket with { TotalReserves = Add(collateralMarket.TotalReserves, split.ProtocolSeizeAmount) });
        return ResultCode.Ok;
    }

    /// <summary>
    /// A flash loan as a batch step: pays <paramref name="amount"/> of the market's cash to the sender now; when every
    /// step of the transaction is done, the amount and the fee are taken back from the sender (the fee into reserves), or
    /// the whole transaction reverts with <see cref="ResultCode.FlashLoanNotRepaid"/>. While the loan is out the market's
    /// cash still counts it, so neither its interest rate nor its exchange rate moves.
    /// </summary>
    public static ResultCode FlashLoan(TxContext context, AssetId asset, Amount amount)
    {
        if (amount.IsZero) return ResultCode.ZeroAmount;
        var state = context.State;
        var code = Load(context, asset, out var market);
        if (code != ResultCode.Ok) return code;
        if (LendingMarkets.Balance(state, market) < amount.ToBigInteger()) return ResultCode.LendCashNotAvailable;
        var fee = amount.ToBigInteger() * LendingMarkets.Params(state).FlashLoanFeeBps / Units.BpsDenominator;
        var borrower = context.Sender.Address;
        LendingMarkets.SetFlashOutstanding(state, asset, Add(LendingMarkets.FlashOutstanding(state, asset), amount.ToBigInteger()));
        code = context.Move(LendingMarkets.Account(asset), borrower, asset, amount, FlowTag.FlashLoan);
        if (code != ResultCode.Ok) return code;
        context.Defer("lending flash loan", () => SettleFlashLoan(context, asset, borrower, amount, fee));
        return ResultCode.Ok;
    }

    /// <summary>
    /// The account's liquidity at TWAP prices from stored market values, as <c>getAccountLiquidity</c>; fails with
    /// <see cref="ResultCode.LendPriceUnavailable"/> when an entered market has no price.
    /// </summary>
    public static ResultCode TryAccountLiquidity(LedgerState state, Address account, ulong nowSeconds, out AccountLiquidity liquidity)
    {
        liquidity = default;
        try
        {
            liquidity = Liquidity(state, account, nowSeconds, null, BigInteger.Zero, BigInteger.Zero);
            return ResultCode.Ok;
        }
        catch (RevertException revert)
        {
            return RevertCodes.ToResultCode(revert.Error);
        }
    }

    /// <summary>
    /// <c>accrueInterest</c>: nothing when interest already accrued at <paramref name="height"/> (before the rate is even
    /// asked for, as CToken), else the model's rate over the blocks since, stored.
    /// </summary>
    public static Market Accrue(LedgerState state, Market market, ulong height)
    {
        if (height == market.AccrualBlockNumber) return market;
        var borrowRate = market.Risk.RateModel.BorrowRate(LendingMarkets.Cash(state, market), market.TotalBorrows, market.TotalReserves);
        var accrual = CompoundV2Math.AccrueInterest(market.Interest, market.Risk.ReserveFactor, borrowRate, height - market.AccrualBlockNumber);
        var accrued = market with
        {
            TotalBorrows = accrual.Market.TotalBorrows,
            TotalReserves = accrual.Market.TotalReserves,
            BorrowIndex = accrual.Market.BorrowIndex,
            AccrualBlockNumber = height,
        };
        LendingMarkets.Put(state, accrued);
        return accrued;
    }

    private static ResultCode Load(TxContext context, AssetId asset, out Market market)
    {
        var found = LendingMarkets.Get(context.State, asset);
        market = found!;
        if (found is null) return ResultCode.LendMarketNotFound;
        market = Accrue(context.State, found, context.Height);
        return ResultCode.Ok;
    }

    /// <summary>
    /// <c>repayBorrowFresh</c> on an accrued market: the interest owed is paid first (tagged interest), the rest returns
    /// principal. <c>owed ≥ Principal ≥ Lent</c> holds for every snapshot, so the interest part is never negative.
    /// </summary>
    private static ResultCode RepayFresh(TxContext context, Market market, Address payer, Address borrower, Amount amount, out BigInteger repaid)
    {
        repaid = BigInteger.Zero;
        var state = context.State;
        var asset = market.Underlying;
        var current = LendingMarkets.Borrow(state, asset, borrower);
        var owed = CompoundV2Math.BorrowBalanceStored(current.Snapshot, market.BorrowIndex);
        if (owed.IsZero) return ResultCode.LendNoBorrow;
        if (amount != Amount.MaxValue && amount.ToBigInteger() > owed) return ResultCode.LendRepayExceedsBorrow;
        var outcome = CompoundV2Math.RepayBorrow(amount.ToBigInteger(), current.Snapshot, market.BorrowIndex, market.TotalBorrows);
        repaid = outcome.ActualRepayAmount;
        var interest = BigInteger.Min(repaid, owed - current.Lent);
        var principal = repaid - interest;
        var account = LendingMarkets.Account(asset);
        var code = context.Move(payer, account, asset, LendingMarkets.ToAmount(interest), FlowTag.Interest);
        if (code == ResultCode.Ok) code = context.Move(payer, account, asset, LendingMarkets.ToAmount(principal), FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;
        LendingMarkets.PutBorrow(state, asset, borrower, new AccountBorrow(outcome.Account.Principal, outcome.Account.InterestIndex, current.Lent - principal));
        LendingMarkets.Put(state, market with { TotalBorrows = outcome.TotalBorrows });
        return ResultCode.Ok;
    }

    /// <summary>Takes a flash loan back with its fee at the end of the transaction; never throws (it runs outside the step's revert boundary).</summary>
    private static ResultCode SettleFlashLoan(TxContext context, AssetId asset, Address borrower, Amount amount, BigInteger fee)
    {
        var state = context.State;
        var account = LendingMarkets.Account(asset);
        try
        {
            var code = context.Move(borrower, account, asset, amount, FlowTag.FlashLoan);
            if (code == ResultCode.Ok) code = context.Move(borrower, account, asset, LendingMarkets.ToAmount(fee), FlowTag.ProtocolFee);
            if (code != ResultCode.Ok) return ResultCode.FlashLoanNotRepaid;
            LendingMarkets.SetFlashOutstanding(state, asset, Sub(LendingMarkets.FlashOutstanding(state, asset), amount.ToBigInteger()));
            var market = LendingMarkets.Get(state, asset)!;
            LendingMarkets.Put(state, market with { TotalReserves = Add(market.TotalReserves, fee) });
            return ResultCode.Ok;
        }
        catch (RevertException revert)
        {
            return RevertCodes.ToResultCode(revert.Error);
        }
    }

    /// <summary>Whether the account owes anything in any market.</summary>
    private static bool Borrows(LedgerState state, Address account) =>
        LendingMarkets.All(state).Any(m => !LendingMarkets.Borrow(state, m.Underlying, account).Principal.IsZero);

    /// <summary>
    /// §3.12 over the account's entered markets (cTokens held or a borrow owed, plus <paramref name="modified"/>), with
    /// stored values and TWAP prices; the modified market also counts the hypothetical redeem and borrow.
    /// </summary>
    private static AccountLiquidity Liquidity(LedgerState state, Address account, ulong nowSeconds, AssetId? modified, BigInteger redeemTokens, BigInteger borrowAmount)
    {
        var positions = new List<MarketPosition>();
        int? modifiedIndex = null;
        foreach (var market in LendingMarkets.All(state))
        {
            var tokens = state.BalanceOf(account, market.CToken).ToBigInteger();
            var borrow = CompoundV2Math.BorrowBalanceStored(LendingMarkets.Borrow(state, market.Underlying, account).Snapshot, market.BorrowIndex);
            bool isModified = market.Underlying == modified;
            if (tokens.IsZero && borrow.IsZero && !isModified) continue;
            if (isModified) modifiedIndex = positions.Count;
            positions.Add(new MarketPosition(tokens, borrow, LendingMarkets.ExchangeRate(state, market), market.Risk.CollateralFactor,
                LendingPrices.Price(state, market.Underlying, nowSeconds)));
        }

        return CompoundV2Math.HypotheticalAccountLiquidity(positions, modifiedIndex, redeemTokens, borrowAmount);
    }
}
