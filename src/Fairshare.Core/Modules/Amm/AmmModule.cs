using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// The AMM's transaction handlers: Uniswap V2 pair semantics (<see cref="UniswapV2Math"/>) on ledger balances, with
/// the Router02 conveniences (optimal amounts, slippage limits, multi-hop paths). Every change goes through the
/// transaction's journal, so a revert anywhere leaves nothing behind.
/// </summary>
public static class AmmModule
{
    /// <summary>The longest swap path, in assets.</summary>
    public const int MaxPathLength = 5;

    /// <summary>Creates the pool of a pair, with its LP share asset.</summary>
    public static ResultCode CreatePool(TxContext context, AssetId a, AssetId b, out Pool? pool)
    {
        pool = null;
        var state = context.State;
        if (a == b) return ResultCode.SameAsset;
        var infoA = state.FindAsset(a);
        var infoB = state.FindAsset(b);
        if (infoA is null || infoB is null) return ResultCode.UnknownAsset;
        if (AmmPools.Find(state, a, b) is not null) return ResultCode.PoolExists;
        var (asset0, asset1) = AmmPools.Sort(a, b);
        uint id = AmmPools.Register(state, asset0, asset1);
        var lpAsset = state.NextAssetId();
        var (symbol0, symbol1) = asset0 == a ? (infoA.Symbol, infoB.Symbol) : (infoB.Symbol, infoA.Symbol);
        string symbol = symbol0.Length + symbol1.Length <= 24 ? $"LP-{symbol0}-{symbol1}" : $"LP-{id}";
        state.RegisterAsset(new AssetInfo(lpAsset, symbol, 18, Amount.Zero, null));
        pool = new Pool(id, asset0, asset1, lpAsset, Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero, 0, default, default);
        AmmPools.Put(state, pool);
        return ResultCode.Ok;
    }

    /// <summary>Router02 addLiquidity: deposits the optimal amounts (creating the pool if needed) and mints LP shares.</summary>
    public static ResultCode AddLiquidity(TxContext context, AssetId assetA, AssetId assetB, Amount desiredA, Amount desiredB, Amount minA, Amount minB)
    {
        var state = context.State;
        var pool = AmmPools.Find(state, assetA, assetB);
        if (pool is null)
        {
            var created = CreatePool(context, assetA, assetB, out pool);
            if (created != ResultCode.Ok) return created;
        }

        if (context.IsLocked(AmmPools.LockKey(pool!.Id))) return ResultCode.PoolLocked;
        var (amountA, amountB) = UniswapV2Math.AddLiquidityAmounts(
            desiredA.ToBigInteger(), desiredB.ToBigInteger(), minA.ToBigInteger(), minB.ToBigInteger(),
            pool.ReserveOf(assetA).ToBigInteger(), pool.ReserveOf(assetB).ToBigInteger());
        var account = AmmPools.Account(pool.Id);
        var code = context.Move(context.Sender.Address, account, assetA, ToAmount(amountA), FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Move(context.Sender.Address, account, assetB, ToAmount(amountB), FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;

        var feeOn = AmmPools.Params(state).ProtocolFeeOn;
        var (balance0, balance1) = Balances(state, pool);
        var mint = UniswapV2Math.Mint(PairOf(state, pool), balance0, balance1, feeOn);
        code = context.Mint(pool.LpAsset, state.Params.Treasury, ToAmount(mint.FeeLiquidity), FlowTag.ProtocolFee);
        if (code == ResultCode.Ok && state.FindAsset(pool.LpAsset)!.Supply.IsZero)
            code = context.Mint(pool.LpAsset, default, ToAmount(UniswapV2Math.MinimumLiquidity), FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Mint(pool.LpAsset, context.Sender.Address, ToAmount(mint.Liquidity), FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;
        Sync(context, pool, mint.Pair.Reserve0, mint.Pair.Reserve1, ToAmount(mint.Pair.KLast));
        return ResultCode.Ok;
    }

    /// <summary>Router02 removeLiquidity: burns LP shares for a pro-rata share of both reserves.</summary>
    public static ResultCode RemoveLiquidity(TxContext context, AssetId assetA, AssetId assetB, Amount liquidity, Amount minA, Amount minB)
    {
        var state = context.State;
        var pool = AmmPools.Find(state, assetA, assetB);
        if (pool is null) return ResultCode.PoolNotFound;
        if (context.IsLocked(AmmPools.LockKey(pool.Id))) return ResultCode.PoolLocked;
        var account = AmmPools.Account(pool.Id);
        var code = context.Move(context.Sender.Address, account, pool.LpAsset, liquidity, FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;

        var feeOn = AmmPools.Params(state).ProtocolFeeOn;
        var (balance0, balance1) = Balances(state, pool);
        var burn = UniswapV2Math.Burn(PairOf(state, pool), balance0, balance1, liquidity.ToBigInteger(), feeOn);
        var (amountA, amountB) = assetA == pool.Asset0 ? (burn.Amount0, burn.Amount1) : (burn.Amount1, burn.Amount0);
        Require(amountA >= minA.ToBigInteger(), "INSUFFICIENT_A_AMOUNT");
        Require(amountB >= minB.ToBigInteger(), "INSUFFICIENT_B_AMOUNT");
        code = context.Mint(pool.LpAsset, state.Params.Treasury, ToAmount(burn.FeeLiquidity), FlowTag.ProtocolFee);
        if (code == ResultCode.Ok) code = context.Burn(pool.LpAsset, account, liquidity, FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Move(account, context.Sender.Address, pool.Asset0, ToAmount(burn.Amount0), FlowTag.Liquidity);
        if (code == ResultCode.Ok) code = context.Move(account, context.Sender.Address, pool.Asset1, ToAmount(burn.Amount1), FlowTag.Liquidity);
        if (code != ResultCode.Ok) return code;
        Sync(context, pool, burn.Pair.Reserve0, burn.Pair.Reserve1, ToAmount(burn.Pair.KLast));
        return ResultCode.Ok;
    }

    /// <summary>
    /// Router02 swapExactTokensForTokens (<paramref name="exactOut"/> false: <paramref name="amount"/> in, at least
    /// <paramref name="limit"/> out) or swapTokensForExactTokens (<paramref name="amount"/> out, at most
    /// <paramref name="limit"/> in), along <paramref name="path"/>.
    /// </summary>
    public static ResultCode Swap(TxContext context, ImmutableArray<AssetId> path, Amount amount, Amount limit, bool exactOut)
    {
        var state = context.State;
        if (path.Length < 2 || path.Length > MaxPathLength) return ResultCode.BadPath;
        var pools = new Pool[path.Length - 1];
        for (int i = 0; i < pools.Length; i++)
        {
            var pool = AmmPools.Find(state, path[i], path[i + 1]);
            if (pool is null) return path[i] == path[i + 1] ? ResultCode.SameAsset : ResultCode.PoolNotFound;
            if (context.IsLocked(AmmPools.LockKey(pool.Id)) || Array.Exists(pools, p => p?.Id == pool.Id)) return ResultCode.BadPath;
            pools[i] = pool;
        }

        var reservesIn = pools.Select((p, i) => p.ReserveOf(path[i]).ToBigInteger()).ToArray();
        var reservesOut = pools.Select((p, i) => p.ReserveOf(path[i + 1]).ToBigInteger()).ToArray();
        BigInteger[] amounts;
        if (exactOut)
        {
            amounts = UniswapV2Math.GetAmountsIn(amount.ToBigInteger(), reservesIn, reservesOut);
            Require(amounts[0] <= limit.ToBigInteger(), "EXCESSIVE_INPUT_AMOUNT");
        }
        else
        {
            amounts = UniswapV2Math.GetAmountsOut(amount.ToBigInteger(), reservesIn, reservesOut);
            Require(amounts[^1] >= limit.ToBigInteger(), "INSUFFICIENT_OUTPUT_AMOUNT");
        }

        var code = PayIn(context, context.Sender.Address, pools[0], path[0], ToAmount(amounts[0]));
        for (int i = 0; i < pools.Length && code == ResultCode.Ok; i++)
        {
            bool last = i == pools.Length - 1;
            code = PairSwap(context, pools[i], path[i + 1], ToAmount(amounts[i + 1]), last ? context.Sender.Address : null, last ? null : pools[i + 1]);
        }

        return code;
    }

    /// <summary>
    /// A flash swap: pays the amounts out now and locks the pool; when the transaction's steps are done, the pair's K
    /// check runs on what was paid back (<see cref="TxContext.Defer"/>), and if it fails everything reverts.
    /// </summary>
    public static ResultCode FlashSwap(TxContext context, AssetId assetA, AssetId assetB, Amount amountAOut, Amount amountBOut)
    {
        var state = context.State;
        var pool = AmmPools.Find(state, assetA, assetB);
        if (pool is null) return assetA == assetB ? ResultCode.SameAsset : ResultCode.PoolNotFound;
        var lockKey = AmmPools.LockKey(pool.Id);
        if (!context.TryLock(lockKey)) return ResultCode.PoolLocked;
        var (out0, out1) = assetA == pool.Asset0 ? (amountAOut, amountBOut) : (amountBOut, amountAOut);
        Require(!out0.IsZero || !out1.IsZero, "INSUFFICIENT_OUTPUT_AMOUNT");
        Require(out0 < pool.Reserve0 && out1 < pool.Reserve1, "INSUFFICIENT_LIQUIDITY");
        var account = AmmPools.Account(pool.Id);
        var code = context.Move(account, context.Sender.Address, pool.Asset0, out0, FlowTag.FlashLoan);
        if (code == ResultCode.Ok) code = context.Move(account, context.Sender.Address, pool.Asset1, out1, FlowTag.FlashLoan);
        if (code != ResultCode.Ok) return code;
        context.Defer("amm flash swap", () =>
        {
            try
            {
                var current = AmmPools.Get(state, pool.Id)!;
                var (balance0, balance1) = Balances(state, current);
                var (r0, r1) = (current.Reserve0.ToBigInteger(), current.Reserve1.ToBigInteger());
                // What came back on top of what stayed: balance − (reserve − out), the contract's amountIn.
                var swap = UniswapV2Math.Swap(r0, r1, out0.ToBigInteger(), out1.ToBigInteger(),
                    balance0 - r0 + out0.ToBigInteger(), balance1 - r1 + out1.ToBigInteger());
                Sync(context, current, swap.Reserve0, swap.Reserve1, current.KLast);
                context.Unlock(lockKey);
                return ResultCode.Ok;
            }
            catch (RevertException revert)
            {
                return RevertCodes.ToResultCode(revert.Error);
            }
        });
        return ResultCode.Ok;
    }

    /// <summary>One pair's swap: the K check on what was sent in, then the payout to a trader or the next pool.</summary>
    private static ResultCode PairSwap(TxContext context, Pool pool, AssetId assetOut, Amount amountOut, Address? to, Pool? nextPool)
    {
        var state = context.State;
        var current = AmmPools.Get(state, pool.Id)!;
        var account = AmmPools.Account(current.Id);
        var sent0 = state.BalanceOf(account, current.Asset0) - current.Reserve0;
        var sent1 = state.BalanceOf(account, current.Asset1) - current.Reserve1;
        var (out0, out1) = assetOut == current.Asset0 ? (amountOut, Amount.Zero) : (Amount.Zero, amountOut);
        var swap = UniswapV2Math256.Swap(current.Reserve0, current.Reserve1, out0, out1, sent0, sent1);
        var code = nextPool is null
            ? context.Move(AmmPools.Account(current.Id), to!.Value, assetOut, amountOut, FlowTag.Swap)
            : PayIn(context, AmmPools.Account(current.Id), nextPool, assetOut, amountOut);
        if (code != ResultCode.Ok) return code;
        Sync(context, current, swap.Reserve0.ToBigInteger(), swap.Reserve1.ToBigInteger(), current.KLast);
        return ResultCode.Ok;
    }

    /// <summary>Pays a swap's input into a pool: the nominal 0.3% as a swap fee to the LPs, the rest as principal.</summary>
    private static ResultCode PayIn(TxContext context, Address from, Pool pool, AssetId asset, Amount amountIn)
    {
        var fee = amountIn * new Amount(3) / new Amount(1000);
        var account = AmmPools.Account(pool.Id);
        var code = context.Move(from, account, asset, fee, FlowTag.SwapFee);
        return code == ResultCode.Ok ? context.Move(from, account, asset, amountIn - fee, FlowTag.Swap) : code;
    }

    /// <summary>
    /// The pair's <c>_update</c>: checks the uint112 bound, advances the price accumulators with the old reserves over
    /// the time since the last update, stores the new reserves, and records an observation for TWAP reads once per
    /// TWAP period.
    /// </summary>
    private static void Sync(TxContext context, Pool pool, BigInteger balance0, BigInteger balance1, Amount kLast)
    {
        Require(balance0 <= UniswapV2Math.U112 && balance1 <= UniswapV2Math.U112, "OVERFLOW");
        ulong now = context.TimestampSeconds;
        var oracle = UniswapV2Math.OracleUpdate(pool.Reserve0.ToBigInteger(), pool.Reserve1.ToBigInteger(),
            new OracleState(pool.Price0Cumulative.ToBigInteger(), pool.Price1Cumulative.ToBigInteger(), pool.TimestampLast, 0), now);
        var updated = pool with
        {
            Reserve0 = ToAmount(balance0),
            Reserve1 = ToAmount(balance1),
            KLast = kLast,
            Price0Cumulative = ToAmount(oracle.Price0CumulativeLast),
            Price1Cumulative = ToAmount(oracle.Price1CumulativeLast),
            TimestampLast = (uint)oracle.BlockTimestampLast,
        };
        if (!balance0.IsZero && !balance1.IsZero)
        {
            var observation = new Observation(updated.Price0Cumulative, updated.Price1Cumulative, now);
            uint period = AmmPools.Params(context.State).TwapPeriodSeconds;
            if (!pool.Newer.Exists) updated = updated with { Newer = observation };
            else if (now - pool.Newer.Timestamp >= period) updated = updated with { Older = pool.Newer, Newer = observation };
        }

        AmmPools.Put(context.State, updated);
    }

    /// <summary>The pool account's balances of the pair's two assets (the contract's <c>balanceOf(this)</c>).</summary>
    private static (BigInteger Balance0, BigInteger Balance1) Balances(LedgerState state, Pool pool)
    {
        var account = AmmPools.Account(pool.Id);
        return (state.BalanceOf(account, pool.Asset0).ToBigInteger(), state.BalanceOf(account, pool.Asset1).ToBigInteger());
    }

    private static PairState PairOf(LedgerState state, Pool pool) => new(
        pool.Reserve0.ToBigInteger(), pool.Reserve1.ToBigInteger(), state.FindAsset(pool.LpAsset)!.Supply.ToBigInteger(), pool.KLast.ToBigInteger());

    /// <summary>A uint256 result as an amount (the math already range-checked it).</summary>
    internal static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new RevertException(value.Sign < 0 ? Underflow : Overflow);
}
