using System.Numerics;
using Fairshare.Conformance.Reference;
using Fairshare.Core.Modules.StableSwap;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>curve_stableswap</c> operations of defi-math.md §6 (template math, plus the §6.7 legacy 3pool variant).</summary>
public sealed class CurveStableSwapOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "curve_stableswap";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["get_D"] = v => [new("D", Out(StableSwapInvariant.GetD(v.Uints("xp"), v.Uint("amp"))))],
            ["get_y"] = v => [new("y", Out(StableSwapInvariant.GetY(v.Int("i"), v.Int("j"), v.Uint("x"), v.Uints("xp"), v.Uint("amp"))))],
            ["get_y_D"] = v => [new("y", Out(StableSwapInvariant.GetYD(v.Uint("amp"), v.Int("i"), v.Uints("xp"), v.Uint("D"))))],
            ["get_D_legacy"] = v => Legacy("D", LegacyStableSwapInvariant.GetD(v.Uints("xp"), v.Uint("amp"))),
            ["get_y_legacy"] = v => Legacy("y", LegacyStableSwapInvariant.GetY(v.Int("i"), v.Int("j"), v.Uint("x"), v.Uints("xp"), v.Uint("amp"))),
            ["get_A"] = v =>
            {
                var ramp = new AmplificationRamp(v.Uint("initial_A"), v.Uint("future_A"), v.Uint("initial_A_time"), v.Uint("future_A_time"));
                var now = v.Uint("now");
                return [new("A_precise", Out(ramp.PreciseAt(now))), new("A", Out(ramp.At(now)))];
            },
            ["get_dy"] = v => [new("dy", Out(StableSwapMath.GetDy(Pool(v), v.Int("i"), v.Int("j"), v.Uint("dx"))))],
            ["exchange"] = v =>
            {
                var e = StableSwapMath.Exchange(Pool(v), v.Int("i"), v.Int("j"), v.Uint("dx"), v.Uint("min_dy"));
                return [new("dy", Out(e.Dy)), new("admin_fee", Out(e.AdminFee)), new("balances", Out(e.Pool.Balances))];
            },
            ["add_liquidity"] = v =>
            {
                var pool = Pool(v);
                var d = StableSwapMath.AddLiquidity(pool, PerCoin(v, "amounts", pool), v.Uint("min_mint_amount"));
                return [new("mint_amount", Out(d.MintAmount)), new("fees", Out(d.Fees)), new("balances", Out(d.Pool.Balances)),
                    new("D1", Out(d.D1)), new("token_supply", Out(d.Pool.TokenSupply))];
            },
            ["remove_liquidity"] = v =>
            {
                var pool = Pool(v);
                var w = StableSwapMath.RemoveLiquidity(pool, v.Uint("amount"), PerCoin(v, "min_amounts", pool));
                return [new("amounts", Out(w.Amounts)), new("balances", Out(w.Pool.Balances)), new("token_supply", Out(w.Pool.TokenSupply))];
            },
            ["remove_liquidity_imbalance"] = v =>
            {
                var pool = Pool(v);
                var w = StableSwapMath.RemoveLiquidityImbalance(pool, PerCoin(v, "amounts", pool), v.Uint("max_burn_amount"));
                return [new("token_amount", Out(w.TokenAmount)), new("fees", Out(w.Fees)), new("balances", Out(w.Pool.Balances)),
                    new("D1", Out(w.D1)), new("token_supply", Out(w.Pool.TokenSupply))];
            },
            ["calc_withdraw_one_coin"] = v =>
            {
                var q = StableSwapMath.CalcWithdrawOneCoin(Pool(v), v.Uint("token_amount"), v.Int("i"));
                return [new("dy", Out(q.Dy)), new("dy_fee", Out(q.DyFee))];
            },
            ["remove_liquidity_one_coin"] = v =>
            {
                var w = StableSwapMath.RemoveLiquidityOneCoin(Pool(v), v.Uint("token_amount"), v.Int("i"), v.Uint("min_amount"));
                return [new("dy", Out(w.Dy)), new("dy_fee", Out(w.DyFee)), new("balances", Out(w.Pool.Balances)), new("token_supply", Out(w.Pool.TokenSupply))];
            },
            ["get_virtual_price"] = v => [new("virtual_price", Out(StableSwapMath.GetVirtualPrice(Pool(v))))],
            ["calc_token_amount"] = v =>
            {
                var pool = Pool(v);
                return [new("token_amount", Out(StableSwapMath.CalcTokenAmount(pool, PerCoin(v, "amounts", pool), v.Flag("is_deposit"))))];
            },
        };

    private static KeyValuePair<string, string>[] Legacy(string name, NewtonSolution solution) =>
        [new(name, Out(solution.Value)), new("converged", Out(solution.Converged))];

    /// <summary>The pool fields of a case. An operation that does not read a field (e.g. <c>remove_liquidity</c> has no
    /// <c>amp</c>) gets 0 for it, and precision multipliers of 1 when <c>precision_mul</c> is absent.</summary>
    private static StableSwapPool Pool(VectorCase v)
    {
        var balances = v.Uints("balances");
        if (balances.Length == 0) throw new VectorFileException($"{v.Id}: 'balances' is empty");
        var precisionMul = v.Has("precision_mul") ? v.Uints("precision_mul") : Enumerable.Repeat(BigInteger.One, balances.Length).ToArray();
        if (precisionMul.Length != balances.Length)
            throw new VectorFileException($"{v.Id}: 'precision_mul' has {precisionMul.Length} entries for {balances.Length} coins");
        return new StableSwapPool(balances, precisionMul, Optional(v, "amp"), Optional(v, "fee"), Optional(v, "admin_fee"), Optional(v, "token_supply"));
    }

    private static BigInteger Optional(VectorCase v, string name) => v.Has(name) ? v.Uint(name) : BigInteger.Zero;

    private static BigInteger[] PerCoin(VectorCase v, string name, StableSwapPool pool)
    {
        var values = v.Uints(name);
        if (values.Length != pool.CoinCount)
            throw new VectorFileException($"{v.Id}: '{name}' has {values.Length} entries for {pool.CoinCount} coins");
        return values;
    }
}
