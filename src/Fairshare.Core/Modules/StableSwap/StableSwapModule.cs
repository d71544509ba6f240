using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>
/// The StableSwap module's transaction handlers: Curve plain-pool semantics (<see cref="StableSwapMath"/>) on ledger
/// balances. Each handler runs the math on the stored pool, moves what the math says, stores the new balances and
/// pays the admin fees to the treasury (<see cref="SweepAdminFees"/>). A revert anywhere rolls the whole transaction back.
/// </summary>
public static class StableSwapModule
{
    /// <summary>The fewest coins a pool holds.</summary>
    public const int MinCoins = 2;

    /// <summary>Creates a pool of <paramref name="assets"/> with public amplification <paramref name="a"/> (0: the governed
    /// default), the governed fees and its LP share asset.</summary>
    public static ResultCode CreatePool(TxContext context, ImmutableArray<AssetId> assets, uint a, out StablePool? pool)
    {
        pool = null;
        var state = context.State;
        if (assets.Length < MinCoins || assets.Length > StablePool.MaxCoins) return ResultCode.StableBadCoinCount;
        if (assets.Distinct().Count() != assets.Length) return ResultCode.SameAsset;
        var infos = assets.Select(state.FindAsset).ToArray();
        if (infos.Any(i => i is null)) return ResultCode.UnknownAsset;
        if (infos.Any(i => i!.Decimals > 18)) return ResultCode.StableBadDecimals;
        var parameters = StablePools.Params(state);
        uint publicA = a == 0 ? parameters.A : a;
        if (publicA > StableParams.MaxA) return ResultCode.StableBadAmplification;
        var sorted = assets.OrderBy(x => x.Value).ToArray();
        if (StablePools.All(state).Any(p => p.Assets.OrderBy(x => x.Value).SequenceEqual(sorted))) return ResultCode.PoolExists;

        uint id = StablePools.NextId(state);
        var lpAsset = state.NextAssetId();
        var symbols = infos.Select(i => i!.Symbol).ToArray();
        string symbol = symbols.Sum(s => s.Length) <= 24 ? "SS-" + string.Join('-', symbols) : $"SS-{id}";
        state.RegisterAsset(new AssetInfo(lpAsset, symbol, 18, Amount.Zero, null));
        pool = new StablePool(id, assets, [.. infos.Select(i => i!.Decimals)], lpAsset, [.. assets.Select(_ => Amount.Zero)],
            publicA * (uint)StableSwapInvariant.APrecision, parameters.Fee, parameters.AdminFee);
        StablePools.Put(state, pool);
        return ResultCode.Ok;
    }

    /// <summary>Curve <c>add_liquidity</c>: deposits <paramref name="amounts"/> (one per coin) and mints LP shares, at
    /// least <paramref name="minMint"/>.</summary>
    public static ResultCode AddLiquidity(TxContext context, uint poolId, ImmutableArray<Amount> amounts, Amount minMint)
    {
        var state = context.State;
        var pool = StablePools.Get(state, poolId);
        if (pool is null) return ResultCode.PoolNotFound;
        if (amounts.Length != pool.Assets.Length) return ResultCode.StableBadAmountCount;
        var deposit = StableSwapMath.AddLiquidity(pool.ToMath(StablePools.LpSupply(state, pool)),
            [.. amounts.Select(x => x.ToBigInteger())], minMint.ToBigInteger());
        var account = StablePools.Account(pool.Id);
        var code = ResultCode.Ok;
        for (int k = 0; k < amounts.Length && code == ResultCode.Ok; k++)
            code = context.Move(context.Sender.Address, account, pool.Assets[k], amounts[k], FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Mint(pool.LpAsset, context.Sender.Address, ToAmount(deposit.MintAmount), FlowTag.Liquidity);
        return code == ResultCode.Ok ? Store(context, pool.WithBalances(deposit.Pool)) : code;
    }

    /// <summary>Curve <c>remove_liquidity</c>: burns <paramref name="lpAmount"/> LP shares for a pro-rata share of every
    /// coin, each at least its entry of <paramref name="minAmounts"/>.</summary>
    public static ResultCode RemoveLiquidity(TxContext context, uint poolId, Amount lpAmount, ImmutableArray<Amount> minAmounts)
    {
        var code = BurnShares(context, poolId, lpAmount, out var pool, out var supply);
        if (code != ResultCode.Ok) return code;
        if (minAmounts.Length != pool!.Assets.Length) return ResultCode.StableBadAmountCount;
        var withdrawal = StableSwapMath.RemoveLiquidity(pool.ToMath(supply), lpAmount.ToBigInteger(), [.. minAmounts.Select(x => x.ToBigInteger())]);
        var account = StablePools.Account(pool.Id);
        for (int k = 0; k < pool.Assets.Length && code == ResultCode.Ok; k++)
            code = context.Move(account, context.Sender.Address, pool.Assets[k], ToAmount(withdrawal.Amounts[k]), FlowTag.Liquidity);
        return code == ResultCode.Ok ? Store(context, pool.WithBalances(withdrawal.Pool)) : code;
    }

    /// <summary>Curve <c>remove_liquidity_one_coin</c>: burns <paramref name="lpAmount"/> LP shares for coin
    /// <paramref name="i"/> alone, at least <paramref name="minAmount"/>.</summary>
    public static ResultCode RemoveOneCoin(TxContext context, uint poolId, Amount lpAmount, byte i, Amount minAmount)
    {
        var code = BurnShares(context, poolId, lpAmount, out var pool, out var supply);
        if (code != ResultCode.Ok) return code;
        int index = CoinIndex.Of(i, pool!.Assets.Length);
        var withdrawal = StableSwapMath.RemoveLiquidityOneCoin(pool.ToMath(supply), lpAmount.ToBigInteger(), index, minAmount.ToBigInteger());
        code = context.Move(StablePools.Account(pool.Id), context.Sender.Address, pool.Assets[index], ToAmount(withdrawal.Dy), FlowTag.Liquidity);
        return code == ResultCode.Ok ? Store(context, pool.WithBalances(withdrawal.Pool)) : code;
    }

    /// <summary>
    /// Curve <c>exchange</c>: sells <paramref name="dx"/> of coin <paramref name="i"/> for at least <paramref name="minDy"/>
    /// of coin <paramref name="j"/>. The trader is paid the fee-free amount and pays the fee back in coin j
    /// (<see cref="FlowTag.SwapFee"/>), so the events show what the LPs earned; the net is exactly the math's <c>dy</c>.
    /// </summary>
    public static ResultCode Exchange(TxContext context, uint poolId, byte i, byte j, Amount dx, Amount minDy)
    {
        var state = context.State;
        var pool = StablePools.Get(state, poolId);
        if (pool is null) return ResultCode.PoolNotFound;
        if (dx.IsZero) return ResultCode.ZeroAmount;
        var supply = StablePools.LpSupply(state, pool);
        if (supply.IsZero) return ResultCode.StableEmptyPool;
        var math = pool.ToMath(supply);
        var exchange = StableSwapMath.Exchange(math, i, j, dx.ToBigInteger(), minDy.ToBigInteger());
        var gross = ToAmount(StableSwapMath.GetDy(math with { Fee = 0 }, i, j, dx.ToBigInteger()));
        var fee = gross - ToAmount(exchange.Dy);
        var (trader, account) = (context.Sender.Address, StablePools.Account(pool.Id));
        var code = context.Move(trader, account, pool.Assets[i], dx, FlowTag.Swap);
        if (code == ResultCode.Ok) code = context.Move(account, trader, pool.Assets[j], gross, FlowTag.Swap);
        if (code == ResultCode.Ok) code = context.Move(trader, account, pool.Assets[j], fee, FlowTag.SwapFee);
        return code == ResultCode.Ok ? Store(context, pool.WithBalances(exchange.Pool)) : code;
    }

    /// <summary>A uint256 result as an amount (the math already range-checked it).</summary>
    internal static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new RevertException(value.Sign < 0 ? Underflow : Overflow);

    /// <summary>Finds the pool and burns the sender's LP shares; returns the LP supply before the burn for the math.</summary>
    private static ResultCode BurnShares(TxContext context, uint poolId, Amount lpAmount, out StablePool? pool, out Amount supply)
    {
        pool = StablePools.Get(context.State, poolId);
        supply = Amount.Zero;
        if (pool is null) return ResultCode.PoolNotFound;
        if (lpAmount.IsZero) return ResultCode.ZeroAmount;
        supply = StablePools.LpSupply(context.State, pool);
        return context.Burn(pool.LpAsset, context.Sender.Address, lpAmount, FlowTag.Liquidity);
    }

    /// <summary>Stores the pool and pays its admin fees out.</summary>
    private static ResultCode Store(TxContext context, StablePool pool)
    {
        StablePools.Put(context.State, pool);
        return SweepAdminFees(context, pool);
    }

    /// <summary>
    /// Curve's <c>withdraw_admin_fees</c>, run after every step: whatever the pool account holds above the stored
    /// balances (the admin share of the step's fees, and anything sent to the account directly) goes to the treasury.
    /// </summary>
    private static ResultCode SweepAdminFees(TxContext context, StablePool pool)
    {
        var state = context.State;
        var account = StablePools.Account(pool.Id);
        var code = ResultCode.Ok;
        for (int k = 0; k < pool.Assets.Length && code == ResultCode.Ok; k++)
        {
            var held = state.BalanceOf(account, pool.Assets[k]);
            if (held < pool.Balances[k]) throw new InvalidOperationException($"StableSwap pool {pool.Id} holds less than its balances");
            code = context.Move(account, state.Params.Treasury, pool.Assets[k], held - pool.Balances[k], FlowTag.ProtocolFee);
        }

        return code;
    }
}
