using System.Numerics;
using Fairshare.Core.Modules.Lending;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>compound_v2</c> operations of defi-math.md §3.</summary>
public sealed class CompoundV2Operations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "compound_v2";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["jump_rate_model_v2_init"] = v => ModelOutputs(JumpRateModel.FromYearlyV2(
                v.Uint("base_rate_per_year"), v.Uint("multiplier_per_year"), v.Uint("jump_multiplier_per_year"), v.Uint("kink"))),
            ["jump_rate_model_v1_init"] = v => ModelOutputs(JumpRateModel.FromYearlyV1(
                v.Uint("base_rate_per_year"), v.Uint("multiplier_per_year"), v.Uint("jump_multiplier_per_year"), v.Uint("kink"))),
            ["utilization_rate"] = v => [new("utilization", Out(JumpRateModel.UtilizationRate(v.Uint("cash"), v.Uint("borrows"), v.Uint("reserves"))))],
            ["borrow_rate"] = v => [new("borrow_rate", Out(Model(v).BorrowRate(v.Uint("cash"), v.Uint("borrows"), v.Uint("reserves"))))],
            ["supply_rate"] = v => [new("supply_rate", Out(Model(v).SupplyRate(v.Uint("cash"), v.Uint("borrows"), v.Uint("reserves"), v.Uint("reserve_factor_mantissa"))))],
            ["accrue_interest"] = v =>
            {
                var a = CompoundV2Math.AccrueInterest(new MarketInterest(v.Uint("total_borrows"), v.Uint("total_reserves"), v.Uint("borrow_index")),
                    v.Uint("reserve_factor_mantissa"), v.Uint("borrow_rate_mantissa"), v.Uint("block_delta"));
                return [new("interest_accumulated", Out(a.InterestAccumulated)), new("total_borrows", Out(a.Market.TotalBorrows)),
                    new("total_reserves", Out(a.Market.TotalReserves)), new("borrow_index", Out(a.Market.BorrowIndex))];
            },
            ["exchange_rate_stored"] = v => [new("exchange_rate", Out(CompoundV2Math.ExchangeRateStored(v.Uint("total_cash"), v.Uint("total_borrows"),
                v.Uint("total_reserves"), v.Uint("total_supply"), v.Uint("initial_exchange_rate_mantissa"))))],
            ["borrow_balance_stored"] = v => [new("borrow_balance", Out(CompoundV2Math.BorrowBalanceStored(
                new BorrowSnapshot(v.Uint("principal"), v.Uint("interest_index")), v.Uint("borrow_index"))))],
            ["mint_tokens"] = v => [new("mint_tokens", Out(CompoundV2Math.MintTokens(v.Uint("mint_amount"), v.Uint("exchange_rate_mantissa"))))],
            ["redeem"] = v =>
            {
                var r = CompoundV2Math.Redeem(v.Uint("redeem_tokens_in"), v.Uint("redeem_amount_in"), v.Uint("exchange_rate_mantissa"), v.Uint("cash"));
                return [new("redeem_tokens", Out(r.RedeemTokens)), new("redeem_amount", Out(r.RedeemAmount))];
            },
            ["borrow"] = v =>
            {
                var b = CompoundV2Math.Borrow(v.Uint("borrow_amount"), v.Uint("cash"), new BorrowSnapshot(v.Uint("principal"), v.Uint("interest_index")),
                    v.Uint("borrow_index"), v.Uint("total_borrows"));
                return [new("account_borrows", Out(b.Account.Principal)), new("interest_index", Out(b.Account.InterestIndex)), new("total_borrows", Out(b.TotalBorrows))];
            },
            ["repay_borrow"] = v =>
            {
                var r = CompoundV2Math.RepayBorrow(v.Uint("repay_amount"), new BorrowSnapshot(v.Uint("principal"), v.Uint("interest_index")),
                    v.Uint("borrow_index"), v.Uint("total_borrows"));
                return [new("actual_repay_amount", Out(r.ActualRepayAmount)), new("account_borrows", Out(r.Account.Principal)),
                    new("interest_index", Out(r.Account.InterestIndex)), new("total_borrows", Out(r.TotalBorrows))];
            },
            ["liquidate_calculate_seize_tokens"] = v => [new("seize_tokens", Out(CompoundV2Math.LiquidateCalculateSeizeTokens(v.Uint("actual_repay_amount"),
                v.Uint("price_borrowed_mantissa"), v.Uint("price_collateral_mantissa"), v.Uint("exchange_rate_mantissa"), v.Uint("liquidation_incentive_mantissa"))))],
            ["liquidate_borrow_allowed"] = v => [new("max_repay", Out(CompoundV2Math.LiquidateBorrowAllowed(v.Uint("borrow_balance"),
                v.Uint("close_factor_mantissa"), v.Uint("repay_amount"), v.Uint("shortfall"), v.Flag("deprecated"))))],
            ["seize_split"] = v =>
            {
                var s = CompoundV2Math.SplitSeize(v.Uint("seize_tokens"), v.Uint("exchange_rate_mantissa"), v.Uint("protocol_seize_share_mantissa"));
                return [new("protocol_seize_tokens", Out(s.ProtocolSeizeTokens)), new("liquidator_seize_tokens", Out(s.LiquidatorSeizeTokens)),
                    new("protocol_seize_amount", Out(s.ProtocolSeizeAmount))];
            },
            ["account_liquidity"] = v =>
            {
                var markets = Markets(v);
                var modifyIndex = v.Int("modify_index");
                int? modified = modifyIndex.Sign >= 0 && modifyIndex < markets.Length ? (int)modifyIndex : null;
                var l = CompoundV2Math.HypotheticalAccountLiquidity(markets, modified, v.Uint("redeem_tokens"), v.Uint("borrow_amount"));
                return [new("liquidity", Out(l.Liquidity)), new("shortfall", Out(l.Shortfall))];
            },
        };

    private static JumpRateModel Model(VectorCase v) =>
        new(v.Uint("base_rate_per_block"), v.Uint("multiplier_per_block"), v.Uint("jump_multiplier_per_block"), v.Uint("kink"));

    private static KeyValuePair<string, string>[] ModelOutputs(JumpRateModel model) =>
    [
        new("base_rate_per_block", Out(model.BaseRatePerBlock)), new("multiplier_per_block", Out(model.MultiplierPerBlock)),
        new("jump_multiplier_per_block", Out(model.JumpMultiplierPerBlock)), new("kink", Out(model.Kink)),
    ];

    /// <summary>The entered markets of an <c>account_liquidity</c> case, zipped from its five parallel arrays.</summary>
    private static MarketPosition[] Markets(VectorCase v)
    {
        var balances = v.Uints("c_token_balances");
        var borrows = v.Uints("borrow_balances");
        var rates = v.Uints("exchange_rates");
        var factors = v.Uints("collateral_factors");
        var prices = v.Uints("prices");
        int n = balances.Length;
        if (borrows.Length != n || rates.Length != n || factors.Length != n || prices.Length != n)
            throw new VectorFileException($"{v.Id}: the account_liquidity arrays differ in length");
        var markets = new MarketPosition[n];
        for (int k = 0; k < n; k++) markets[k] = new MarketPosition(balances[k], borrows[k], rates[k], factors[k], prices[k]);
        return markets;
    }
}
