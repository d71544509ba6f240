using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>
/// Swaps and liquidity operations of the Curve plain-pool template (<c>SwapTemplateBase.vy</c>, <c>defi-math.md</c>
/// §6.3–§6.5) on a <see cref="StableSwapPool"/>: checked uint256 arithmetic, the contract's evaluation order and reverts.
/// Inputs are never mutated; operations that change the pool return the new one.
/// </summary>
public static class StableSwapMath
{
    /// <summary>FEE_DENOMINATOR: <c>fee</c> and <c>admin_fee</c> are fractions of 10^10.</summary>
    public static readonly BigInteger FeeDenominator = 10_000_000_000;

    /// <summary>The template's RATES[k] = precision_mul[k] × 10^18.</summary>
    public static BigInteger Rate(StableSwapPool pool, int k) => Mul(pool.PrecisionMul[k], Wad);

    /// <summary>Normalised balances xp[k] = RATES[k] × balances[k] / 10^18 (18 decimals for every coin).</summary>
    public static BigInteger[] Normalise(StableSwapPool pool, IReadOnlyList<BigInteger> balances)
    {
        RequireCoins(pool, balances);
        var xp = new BigInteger[balances.Count];
        for (int k = 0; k < xp.Length; k++) xp[k] = Div(Mul(Rate(pool, k), balances[k]), Wad);
        return xp;
    }

    /// <summary>The fee on imbalanced deposits and withdrawals, fee × n / (4 × (n − 1)) (§6.5).</summary>
    public static BigInteger ImbalanceFee(BigInteger fee, int n) => Div(Mul(fee, n), Mul(4, Sub(n, 1)));

    /// <summary>§6.3 <c>get_dy</c>: coin j received for <paramref name="dx"/> of coin i, after the fee, in j's units.</summary>
    public static BigInteger GetDy(StableSwapPool pool, BigInteger i, BigInteger j, BigInteger dx)
    {
        var (dy, jj) = RawDy(pool, i, j, dx);
        var fee = Div(Mul(pool.Fee, dy), FeeDenominator);
        return Div(Mul(Sub(dy, fee), Wad), Rate(pool, jj));
    }

    /// <summary>§6.4 <c>exchange</c>: trades <paramref name="dx"/> of coin i for coin j; fails <c>SLIPPAGE</c> below
    /// <paramref name="minDy"/>. The admin's share of the fee leaves the stored balance of coin j.</summary>
    public static StableSwapExchange Exchange(StableSwapPool pool, BigInteger i, BigInteger j, BigInteger dx, BigInteger minDy)
    {
        var (dy, jj) = RawDy(pool, i, j, dx);
        var ii = (int)i;
        var dyFee = Div(Mul(dy, pool.Fee), FeeDenominator);
        var dyOut = Div(Mul(Sub(dy, dyFee), Wad), Rate(pool, jj));
        Require(dyOut >= minDy, StableSwapErrors.Slippage);
        var admin = Div(Mul(Div(Mul(dyFee, pool.AdminFee), FeeDenominator), Wad), Rate(pool, jj));
        var balances = pool.Balances.ToArray();
        balances[ii] = Add(pool.Balances[ii], dx);
        balances[jj] = Sub(Sub(pool.Balances[jj], dyOut), admin);
        return new StableSwapExchange(dyOut, admin, pool with { Balances = balances });
    }

    /// <summary>§6.5 <c>add_liquidity</c>: deposits <paramref name="amounts"/>; charges the imbalance fee unless the pool
    /// is empty; fails <c>SLIPPAGE</c> when fewer than <paramref name="minMintAmount"/> LP tokens would be minted.</summary>
    public static StableSwapDeposit AddLiquidity(StableSwapPool pool, IReadOnlyList<BigInteger> amounts, BigInteger minMintAmount)
    {
        RequireCoins(pool, amounts);
        int n = pool.CoinCount;
        var old = pool.Balances;
        var d0 = StableSwapInvariant.GetD(Normalise(pool, old), pool.Amp);
        if (pool.TokenSupply.IsZero)
        {
            foreach (var amount in amounts) Require(amount > 0, StableSwapErrors.InitialDepositRequiresAllCoins);
        }

        var added = new BigInteger[n];
        for (int k = 0; k < n; k++) added[k] = Add(old[k], amounts[k]);
        var d1 = StableSwapInvariant.GetD(Normalise(pool, added), pool.Amp);
        Require(d1 > d0, StableSwapErrors.InvariantNotIncreased);
        BigInteger[] fees;
        BigInteger[] stored;
        BigInteger mint;
        if (pool.TokenSupply > 0)
        {
            (fees, stored, var charged) = ChargeImbalanceFees(pool, old, added, d0, d1);
            var d2 = StableSwapInvariant.GetD(Normalise(pool, charged), pool.Amp);
            mint = Div(Mul(pool.TokenSupply, Sub(d2, d0)), d0);
        }
        else
        {
            fees = new BigInteger[n];
            stored = added;
            mint = d1;
        }

        Require(mint >= minMintAmount, StableSwapErrors.Slippage);
        return new StableSwapDeposit(mint, fees, d1, pool with { Balances = stored, TokenSupply = Add(pool.TokenSupply, mint) });
    }

    /// <summary>§6.5 <c>remove_liquidity</c>: burns <paramref name="amount"/> LP tokens for a pro-rata share of every coin,
    /// rounded down; coin by coin, fails <c>SLIPPAGE</c> below <paramref name="minAmounts"/>.</summary>
    public static StableSwapWithdrawal RemoveLiquidity(StableSwapPool pool, BigInteger amount, IReadOnlyList<BigInteger> minAmounts)
    {
        RequireCoins(pool, minAmounts);
        int n = pool.CoinCount;
        var values = new BigInteger[n];
        var balances = new BigInteger[n];
        for (int k = 0; k < n; k++)
        {
            values[k] = Div(Mul(pool.Balances[k], amount), pool.TokenSupply);
            Require(values[k] >= minAmounts[k], StableSwapErrors.Slippage);
            balances[k] = Sub(pool.Balances[k], values[k]);
        }

        return new StableSwapWithdrawal(values, pool with { Balances = balances, TokenSupply = Sub(pool.TokenSupply, amount) });
    }

    /// <summary>§6.5 <c>remove_liquidity_imbalance</c>: withdraws exactly <paramref name="amounts"/>, burning the LP tokens
    /// the fee-charged invariant drop is worth plus 1; fails <c>ZERO_TOKENS_BURNED</c> or <c>SLIPPAGE</c> above
    /// <paramref name="maxBurnAmount"/>.</summary>
    public static StableSwapImbalancedWithdrawal RemoveLiquidityImbalance(StableSwapPool pool, IReadOnlyList<BigInteger> amounts, BigInteger maxBurnAmount)
    {
        RequireCoins(pool, amounts);
        int n = pool.CoinCount;
        var old = pool.Balances;
        var d0 = StableSwapInvariant.GetD(Normalise(pool, old), pool.Amp);
        var removed = new BigInteger[n];
        for (int k = 0; k < n; k++) removed[k] = Sub(old[k], amounts[k]);
        var d1 = StableSwapInvariant.GetD(Normalise(pool, removed), pool.Amp);
        var (fees, stored, charged) = ChargeImbalanceFees(pool, old, removed, d0, d1);
        var d2 = StableSwapInvariant.GetD(Normalise(pool, charged), pool.Amp);
        var tokenAmount = Div(Mul(Sub(d0, d2), pool.TokenSupply), d0);
        Require(!tokenAmount.IsZero, StableSwapErrors.ZeroTokensBurned);
        tokenAmount = Add(tokenAmount, 1);
        Require(tokenAmount <= maxBurnAmount, StableSwapErrors.Slippage);
        return new StableSwapImbalancedWithdrawal(tokenAmount, fees, d1, pool with { Balances = stored, TokenSupply = Sub(pool.TokenSupply, tokenAmount) });
    }

    /// <summary>§6.5 <c>calc_withdraw_one_coin</c>: coin i paid for burning <paramref name="tokenAmount"/> LP tokens, and
    /// the imbalance fee's cost. A raw amount of 0 fails <c>MATH_UNDERFLOW</c> (the contract's "− 1").</summary>
    public static OneCoinQuote CalcWithdrawOneCoin(StableSwapPool pool, BigInteger tokenAmount, BigInteger i)
    {
        int n = pool.CoinCount;
        var xp = Normalise(pool, pool.Balances);
        var d0 = StableSwapInvariant.GetD(xp, pool.Amp);
        var d1 = Sub(d0, Div(Mul(tokenAmount, d0), pool.TokenSupply));
        var newY = StableSwapInvariant.GetYD(pool.Amp, i, xp, d1);
        var ii = (int)i;
        var f = ImbalanceFee(pool.Fee, n);
        var reduced = new BigInteger[n];
        for (int k = 0; k < n; k++)
        {
            var expected = k == ii
                ? Sub(Div(Mul(xp[k], d1), d0), newY)
                : Sub(xp[k], Div(Mul(xp[k], d1), d0));
            reduced[k] = Sub(xp[k], Div(Mul(f, expected), FeeDenominator));
        }

        var dy = Div(Sub(Sub(reduced[ii], StableSwapInvariant.GetYD(pool.Amp, i, reduced, d1)), 1), pool.PrecisionMul[ii]);
        var dy0 = Div(Sub(xp[ii], newY), pool.PrecisionMul[ii]);
        return new OneCoinQuote(dy, Sub(dy0, dy));
    }

    /// <summary>§6.5 <c>remove_liquidity_one_coin</c>: <see cref="CalcWithdrawOneCoin"/>, then <c>SLIPPAGE</c> below
    /// <paramref name="minAmount"/>; coin i's balance loses the payout and the admin share of the fee.</summary>
    public static StableSwapOneCoinWithdrawal RemoveLiquidityOneCoin(StableSwapPool pool, BigInteger tokenAmount, BigInteger i, BigInteger minAmount)
    {
        var (dy, dyFee) = CalcWithdrawOneCoin(pool, tokenAmount, i);
        Require(dy >= minAmount, StableSwapErrors.Slippage);
        var ii = (int)i;
        var balances = pool.Balances.ToArray();
        balances[ii] = Sub(balances[ii], Add(dy, Div(Mul(dyFee, pool.AdminFee), FeeDenominator)));
        return new StableSwapOneCoinWithdrawal(dy, dyFee, pool with { Balances = balances, TokenSupply = Sub(pool.TokenSupply, tokenAmount) });
    }

    /// <summary>§6.5 <c>get_virtual_price</c>: D × 10^18 / LP supply.</summary>
    public static BigInteger GetVirtualPrice(StableSwapPool pool) =>
        Div(Mul(StableSwapInvariant.GetD(Normalise(pool, pool.Balances), pool.Amp), Wad), pool.TokenSupply);

    /// <summary>§6.5 <c>calc_token_amount</c>: |D1 − D0| × supply / D0 for a deposit or a withdrawal of
    /// <paramref name="amounts"/>, without fees (a withdrawal's <c>balances − amounts</c> is checked).</summary>
    public static BigInteger CalcTokenAmount(StableSwapPool pool, IReadOnlyList<BigInteger> amounts, bool isDeposit)
    {
        RequireCoins(pool, amounts);
        var d0 = StableSwapInvariant.GetD(Normalise(pool, pool.Balances), pool.Amp);
        var changed = new BigInteger[pool.CoinCount];
        for (int k = 0; k < changed.Length; k++)
            changed[k] = isDeposit ? Add(pool.Balances[k], amounts[k]) : Sub(pool.Balances[k], amounts[k]);
        var d1 = StableSwapInvariant.GetD(Normalise(pool, changed), pool.Amp);
        return Div(Mul(BigInteger.Abs(d1 - d0), pool.TokenSupply), d0);
    }

    /// <summary>The raw dy of §6.3 (normalised, before the fee): x = xp[i] + dx·RATES[i]/1e18, y = get_y, dy = xp[j] − y − 1.
    /// Returns it with j as an array index (i is validated too).</summary>
    private static (BigInteger Dy, int J) RawDy(StableSwapPool pool, BigInteger i, BigInteger j, BigInteger dx)
    {
        var xp = Normalise(pool, pool.Balances);
        int ii = CoinIndex.Of(i, xp.Length);
        var x = Add(xp[ii], Div(Mul(dx, Rate(pool, ii)), Wad));
        var y = StableSwapInvariant.GetY(i, j, x, xp, pool.Amp);
        int jj = (int)j;
        return (Sub(Sub(xp[jj], y), 1), jj);
    }

    /// <summary>The fee loop shared by imbalanced deposits and withdrawals (§6.5): per coin, the distance from the ideal
    /// balance D1·old/D0 is charged the imbalance fee; returns the fees, the balances to store (less the admin share only)
    /// and the balances less the whole fee (for D2).</summary>
    private static (BigInteger[] Fees, BigInteger[] Stored, BigInteger[] Charged) ChargeImbalanceFees(
        StableSwapPool pool, IReadOnlyList<BigInteger> old, IReadOnlyList<BigInteger> changed, BigInteger d0, BigInteger d1)
    {
        int n = pool.CoinCount;
        var f = ImbalanceFee(pool.Fee, n);
        var fees = new BigInteger[n];
        var stored = new BigInteger[n];
        var charged = new BigInteger[n];
        for (int k = 0; k < n; k++)
        {
            var ideal = Div(Mul(d1, old[k]), d0);
            var difference = ideal > changed[k] ? ideal - changed[k] : changed[k] - ideal;
            fees[k] = Div(Mul(f, difference), FeeDenominator);
            stored[k] = Sub(changed[k], Div(Mul(fees[k], pool.AdminFee), FeeDenominator));
            charged[k] = Sub(changed[k], fees[k]);
        }

        return (fees, stored, charged);
    }

    private static void RequireCoins(StableSwapPool pool, IReadOnlyList<BigInteger> perCoin)
    {
        if (perCoin.Count != pool.CoinCount)
            throw new ArgumentException($"expected {pool.CoinCount} per-coin values, got {perCoin.Count}", nameof(perCoin));
    }
}
