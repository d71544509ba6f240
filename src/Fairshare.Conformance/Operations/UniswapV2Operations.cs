using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Math;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>uniswap_v2</c> operations of defi-math.md §1.</summary>
public sealed class UniswapV2Operations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "uniswap_v2";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["sqrt"] = v => [new("z", Out(Checked.Sqrt(v.Uint("y"))))],
            ["quote"] = v => [new("amount_b", Out(UniswapV2Math.Quote(v.Uint("amount_a"), v.Uint("reserve_a"), v.Uint("reserve_b"))))],
            ["get_amount_out"] = v => [new("amount_out", Out(UniswapV2Math.GetAmountOut(v.Uint("amount_in"), v.Uint("reserve_in"), v.Uint("reserve_out"))))],
            ["get_amount_in"] = v => [new("amount_in", Out(UniswapV2Math.GetAmountIn(v.Uint("amount_out"), v.Uint("reserve_in"), v.Uint("reserve_out"))))],
            ["get_amounts_out"] = v => [new("amounts", Out(UniswapV2Math.GetAmountsOut(v.Uint("amount_in"), v.Uints("reserves_in"), v.Uints("reserves_out"))))],
            ["get_amounts_in"] = v => [new("amounts", Out(UniswapV2Math.GetAmountsIn(v.Uint("amount_out"), v.Uints("reserves_in"), v.Uints("reserves_out"))))],
            ["add_liquidity_amounts"] = v =>
            {
                var (a, b) = UniswapV2Math.AddLiquidityAmounts(v.Uint("amount_a_desired"), v.Uint("amount_b_desired"),
                    v.Uint("amount_a_min"), v.Uint("amount_b_min"), v.Uint("reserve_a"), v.Uint("reserve_b"));
                return [new("amount_a", Out(a)), new("amount_b", Out(b))];
            },
            ["mint_fee"] = v =>
            {
                var (fee, ts, kLast) = UniswapV2Math.MintFee(v.Uint("reserve0"), v.Uint("reserve1"), v.Uint("total_supply"), v.Uint("k_last"), v.Flag("fee_on"));
                return [new("fee_liquidity", Out(fee)), new("total_supply", Out(ts)), new("k_last", Out(kLast))];
            },
            ["mint"] = v =>
            {
                var pair = new PairState(v.Uint("reserve0"), v.Uint("reserve1"), v.Uint("total_supply"), v.Uint("k_last"));
                var m = UniswapV2Math.Mint(pair, v.Uint("balance0"), v.Uint("balance1"), v.Flag("fee_on"));
                return [new("liquidity", Out(m.Liquidity)), new("fee_liquidity", Out(m.FeeLiquidity)), .. PairOutputs(m.Pair)];
            },
            ["burn"] = v =>
            {
                var pair = new PairState(v.Uint("reserve0"), v.Uint("reserve1"), v.Uint("total_supply"), v.Uint("k_last"));
                var b = UniswapV2Math.Burn(pair, v.Uint("balance0"), v.Uint("balance1"), v.Uint("liquidity"), v.Flag("fee_on"));
                return [new("amount0", Out(b.Amount0)), new("amount1", Out(b.Amount1)), new("fee_liquidity", Out(b.FeeLiquidity)), .. PairOutputs(b.Pair)];
            },
            ["swap"] = v =>
            {
                var s = UniswapV2Math.Swap(v.Uint("reserve0"), v.Uint("reserve1"), v.Uint("amount0_out"), v.Uint("amount1_out"), v.Uint("amount0_sent"), v.Uint("amount1_sent"));
                return [new("amount0_in", Out(s.Amount0In)), new("amount1_in", Out(s.Amount1In)), new("reserve0", Out(s.Reserve0)), new("reserve1", Out(s.Reserve1))];
            },
            ["oracle_update"] = v =>
            {
                var o = UniswapV2Math.OracleUpdate(v.Uint("reserve0"), v.Uint("reserve1"),
                    new OracleState(v.Uint("price0_cumulative_last"), v.Uint("price1_cumulative_last"), v.Uint("block_timestamp_last"), 0), v.Uint("block_timestamp"));
                return [new("price0_cumulative_last", Out(o.Price0CumulativeLast)), new("price1_cumulative_last", Out(o.Price1CumulativeLast)),
                    new("block_timestamp_last", Out(o.BlockTimestampLast)), new("time_elapsed", Out(o.TimeElapsed))];
            },
        };

    private static KeyValuePair<string, string>[] PairOutputs(PairState pair) =>
        [new("total_supply", Out(pair.TotalSupply)), new("reserve0", Out(pair.Reserve0)), new("reserve1", Out(pair.Reserve1)), new("k_last", Out(pair.KLast))];
}
