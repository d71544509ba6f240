using System.Numerics;
using static Fairshare.Core.Modules.Lending.CompoundExp;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Compound v2 cToken and Comptroller math exactly as <c>defi-math.md</c> §3 (compound-protocol CToken, Comptroller):
/// checked uint256 arithmetic, the same evaluation order and the same reverts. Interest is assumed accrued in the same
/// block and the comptroller hooks outside §3.10 are assumed to allow the operation (§10.3).
/// </summary>
public static class CompoundV2Math
{
    /// <summary>The highest per-block borrow rate <c>accrueInterest</c> accepts (<c>borrowRateMaxMantissa</c>, 0.0005%).</summary>
    public static readonly BigInteger BorrowRateMaxMantissa = 5_000_000_000_000;

    /// <summary>The protocol's share of seized collateral at this commit (<c>protocolSeizeShareMantissa</c>, 2.8%).</summary>
    public static readonly BigInteger ProtocolSeizeShareMantissa = 28_000_000_000_000_000;

    /// <summary>The <c>repayAmount</c> that means "repay everything" (2^256 − 1).</summary>
    public static BigInteger RepayAll => MaxUint256;

    /// <summary>
    /// §3.5 <c>accrueInterest</c>: simple interest over <paramref name="blockDelta"/> blocks at the model's rate. Returns the
    /// market unchanged when no block passed (before the rate cap is checked); reverts <c>BORROW_RATE_ABSURDLY_HIGH</c>
    /// above <see cref="BorrowRateMaxMantissa"/>.
    /// </summary>
    public static InterestAccrual AccrueInterest(MarketInterest market, BigInteger reserveFactorMantissa, BigInteger borrowRateMantissa, BigInteger blockDelta)
    {
        if (blockDelta.IsZero) return new InterestAccrual(BigInteger.Zero, market);
        Require(borrowRateMantissa <= BorrowRateMaxMantissa, "BORROW_RATE_ABSURDLY_HIGH");
        var simpleInterestFactor = Mul(borrowRateMantissa, blockDelta);
        var interest = MulScalarTruncate(simpleInterestFactor, market.TotalBorrows);
        var totalBorrows = Add(interest, market.TotalBorrows);
        var totalReserves = MulScalarTruncateAddUInt(reserveFactorMantissa, interest, market.TotalReserves);
        var borrowIndex = MulScalarTruncateAddUInt(simpleInterestFactor, market.BorrowIndex, market.BorrowIndex);
        return new InterestAccrual(interest, new MarketInterest(totalBorrows, totalReserves, borrowIndex));
    }

    /// <summary>§3.6 <c>exchangeRateStoredInternal</c>: underlying per cToken (1e18 mantissa), the initial rate while no cTokens exist.</summary>
    public static BigInteger ExchangeRateStored(BigInteger totalCash, BigInteger totalBorrows, BigInteger totalReserves, BigInteger totalSupply, BigInteger initialExchangeRateMantissa)
    {
        if (totalSupply.IsZero) return initialExchangeRateMantissa;
        var cashPlusBorrowsMinusReserves = Sub(Add(totalCash, totalBorrows), totalReserves);
        return Div(Mul(cashPlusBorrowsMinusReserves, ExpScale), totalSupply);
    }

    /// <summary>§3.7 <c>borrowBalanceStoredInternal</c>: the principal grown by the borrow index since the snapshot; 0 without principal.</summary>
    public static BigInteger BorrowBalanceStored(BorrowSnapshot snapshot, BigInteger borrowIndex)
    {
        if (snapshot.Principal.IsZero) return BigInteger.Zero;
        return Div(Mul(snapshot.Principal, borrowIndex), snapshot.InterestIndex);
    }

    /// <summary>§3.8 <c>mintFresh</c>: cTokens for <paramref name="mintAmount"/> of underlying, rounded down; may be 0 (unchecked here).</summary>
    public static BigInteger MintTokens(BigInteger mintAmount, BigInteger exchangeRateMantissa) => DivScalarByExp(mintAmount, exchangeRateMantissa);

    /// <summary>
    /// §3.8 <c>redeemFresh</c> + <c>Comptroller.redeemVerify</c>: redeem by cTokens (<paramref name="redeemTokensIn"/>) or by
    /// underlying (<paramref name="redeemAmountIn"/>), exactly one of them non-zero. Redeeming by underlying rounds the burnt
    /// cTokens down (quirk, §10.7).
    /// </summary>
    public static RedeemOutcome Redeem(BigInteger redeemTokensIn, BigInteger redeemAmountIn, BigInteger exchangeRateMantissa, BigInteger cash)
    {
        Require(redeemTokensIn.IsZero || redeemAmountIn.IsZero, "ONE_OF_REDEEM_INPUTS_MUST_BE_ZERO");
        BigInteger tokens, amount;
        if (redeemTokensIn > 0)
        {
            tokens = redeemTokensIn;
            amount = MulScalarTruncate(exchangeRateMantissa, redeemTokensIn);
        }
        else
        {
            tokens = DivScalarByExp(redeemAmountIn, exchangeRateMantissa);
            amount = redeemAmountIn;
        }

        Require(cash >= amount, "REDEEM_TRANSFER_OUT_NOT_POSSIBLE");
        Require(!(tokens.IsZero && amount > 0), "REDEEM_TOKENS_ZERO");
        return new RedeemOutcome(tokens, amount);
    }

    /// <summary>
    /// §3.8 <c>borrowFresh</c>: adds <paramref name="borrowAmount"/> to the account's balance as of <paramref name="borrowIndex"/>
    /// and to total borrows; reverts <c>BORROW_CASH_NOT_AVAILABLE</c> when the market lacks the cash.
    /// </summary>
    public static BorrowOutcome Borrow(BigInteger borrowAmount, BigInteger cash, BorrowSnapshot account, BigInteger borrowIndex, BigInteger totalBorrows)
    {
        Require(cash >= borrowAmount, "BORROW_CASH_NOT_AVAILABLE");
        var previous = BorrowBalanceStored(account, borrowIndex);
        var accountBorrows = Add(previous, borrowAmount);
        var newTotalBorrows = Add(totalBorrows, borrowAmount);
        return new BorrowOutcome(new BorrowSnapshot(accountBorrows, borrowIndex), newTotalBorrows);
    }

    /// <summary>
    /// §3.8 <c>repayBorrowFresh</c>: repays <paramref name="repayAmount"/>, or the whole balance when it is
    /// <see cref="RepayAll"/>; repaying more than owed (or than total borrows) reverts <c>MATH_UNDERFLOW</c>.
    /// </summary>
    public static RepayOutcome RepayBorrow(BigInteger repayAmount, BorrowSnapshot account, BigInteger borrowIndex, BigInteger totalBorrows)
    {
        var previous = BorrowBalanceStored(account, borrowIndex);
        var actual = repayAmount == RepayAll ? previous : repayAmount;
        var accountBorrows = Sub(previous, actual);
        var newTotalBorrows = Sub(totalBorrows, actual);
        return new RepayOutcome(actual, new BorrowSnapshot(accountBorrows, borrowIndex), newTotalBorrows);
    }

    /// <summary>
    /// §3.9 <c>Comptroller.liquidateCalculateSeizeTokens</c>: collateral cTokens for a repay, through four truncating Exp
    /// steps; a zero price reverts <c>PRICE_ERROR</c>.
    /// </summary>
    public static BigInteger LiquidateCalculateSeizeTokens(BigInteger actualRepayAmount, BigInteger priceBorrowedMantissa, BigInteger priceCollateralMantissa,
        BigInteger exchangeRateMantissa, BigInteger liquidationIncentiveMantissa)
    {
        Require(!priceBorrowedMantissa.IsZero && !priceCollateralMantissa.IsZero, "PRICE_ERROR");
        var numerator = MulExp(liquidationIncentiveMantissa, priceBorrowedMantissa);
        var denominator = MulExp(priceCollateralMantissa, exchangeRateMantissa);
        var ratio = DivExp(numerator, denominator);
        return MulScalarTruncate(ratio, actualRepayAmount);
    }

    /// <summary>
    /// §3.10 <c>Comptroller.liquidateBorrowAllowed</c> with <c>CToken.liquidateBorrowFresh</c>'s amount checks: the most
    /// that may be repaid (the whole balance in a deprecated market, else the close factor's share), in the spec's check order.
    /// </summary>
    public static BigInteger LiquidateBorrowAllowed(BigInteger borrowBalance, BigInteger closeFactorMantissa, BigInteger repayAmount, BigInteger shortfall, bool deprecated)
    {
        BigInteger maxRepay;
        if (deprecated)
        {
            Require(borrowBalance >= repayAmount, "CAN_NOT_REPAY_MORE_THAN_TOTAL_BORROW");
            maxRepay = borrowBalance;
        }
        else
        {
            Require(!shortfall.IsZero, "INSUFFICIENT_SHORTFALL");
            maxRepay = MulScalarTruncate(closeFactorMantissa, borrowBalance);
            Require(repayAmount <= maxRepay, "TOO_MUCH_REPAY");
        }

        Require(!repayAmount.IsZero, "LIQUIDATE_CLOSE_AMOUNT_IS_ZERO");
        Require(repayAmount != MaxUint256, "LIQUIDATE_CLOSE_AMOUNT_IS_UINT_MAX");
        return maxRepay;
    }

    /// <summary>§3.11 <c>CToken.seizeInternal</c>: the protocol's share of seized cTokens, the liquidator's rest, and the share's underlying value.</summary>
    public static SeizeSplit SplitSeize(BigInteger seizeTokens, BigInteger exchangeRateMantissa, BigInteger protocolSeizeShareMantissa)
    {
        var protocolTokens = MulScalarTruncate(protocolSeizeShareMantissa, seizeTokens);
        var liquidatorTokens = Sub(seizeTokens, protocolTokens);
        var protocolAmount = MulScalarTruncate(exchangeRateMantissa, protocolTokens);
        return new SeizeSplit(protocolTokens, liquidatorTokens, protocolAmount);
    }

    /// <summary>
    /// §3.12 <c>getHypotheticalAccountLiquidityInternal</c>: sums collateral value (weighted by collateral factor) and borrow
    /// value over the entered markets in order; the market at <paramref name="modifiedMarket"/> (none when null) also counts
    /// <paramref name="redeemTokens"/> as if redeemed and <paramref name="borrowAmount"/> as if borrowed. A zero price
    /// reverts <c>PRICE_ERROR</c> when that market is reached.
    /// </summary>
    public static AccountLiquidity HypotheticalAccountLiquidity(IReadOnlyList<MarketPosition> markets, int? modifiedMarket, BigInteger redeemTokens, BigInteger borrowAmount)
    {
        BigInteger sumCollateral = 0, sumBorrow = 0;
        for (int k = 0; k < markets.Count; k++)
        {
            var m = markets[k];
            Require(!m.Price.IsZero, "PRICE_ERROR");
            var tokensToDenom = MulExp(MulExp(m.CollateralFactor, m.ExchangeRate), m.Price);
            sumCollateral = MulScalarTruncateAddUInt(tokensToDenom, m.CTokenBalance, sumCollateral);
            sumBorrow = MulScalarTruncateAddUInt(m.Price, m.BorrowBalance, sumBorrow);
            if (k == modifiedMarket)
            {
                sumBorrow = MulScalarTruncateAddUInt(tokensToDenom, redeemTokens, sumBorrow);
                sumBorrow = MulScalarTruncateAddUInt(m.Price, borrowAmount, sumBorrow);
            }
        }

        return sumCollateral > sumBorrow
            ? new AccountLiquidity(sumCollateral - sumBorrow, BigInteger.Zero)
            : new AccountLiquidity(BigInteger.Zero, sumBorrow - sumCollateral);
    }
}
