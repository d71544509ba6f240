using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Where the StableSwap module keeps its records: pools by id, the id counter and the parameters.</summary>
public static class StablePools
{
    private const byte PoolTable = 1;
    private const byte CounterTable = 2;
    private const byte ParamsTable = 3;

    /// <summary>The pool's own account, which holds its coins.</summary>
    public static Address Account(uint poolId) => Address.ForModule($"stableswap/pool/{poolId}");

    /// <summary>The pool by id, or null.</summary>
    public static StablePool? Get(LedgerState state, uint poolId) =>
        state.ReadRecord(StateKey.Of(ModuleIds.StableSwap, PoolTable, poolId)) is { } bytes ? StablePool.Decode(bytes) : null;

    /// <summary>Every pool in id order.</summary>
    public static IEnumerable<StablePool> All(LedgerState state) =>
        state.Records(ModuleIds.StableSwap, PoolTable).Select(r => StablePool.Decode(r.Value));

    /// <summary>Stores a pool (new or changed).</summary>
    public static void Put(LedgerState state, StablePool pool) =>
        state.WriteRecord(StateKey.Of(ModuleIds.StableSwap, PoolTable, pool.Id), pool.Encode());

    /// <summary>Allocates the next pool id (ids start at 1).</summary>
    public static uint NextId(LedgerState state) => state.AllocateId(StateKey.Of(ModuleIds.StableSwap, CounterTable));

    /// <summary>The LP share supply of a pool (its <c>totalSupply</c>).</summary>
    public static Amount LpSupply(LedgerState state, StablePool pool) => state.FindAsset(pool.LpAsset)!.Supply;

    /// <summary>Curve's <c>get_virtual_price</c> (D × 10^18 / LP supply), or null while the pool is empty.</summary>
    public static BigInteger? VirtualPrice(LedgerState state, StablePool pool)
    {
        var supply = LpSupply(state, pool);
        return supply.IsZero ? null : StableSwapMath.GetVirtualPrice(pool.ToMath(supply));
    }

    /// <summary>The pool's invariant D (normalised to 18 decimals).</summary>
    public static BigInteger Invariant(LedgerState state, StablePool pool)
    {
        var math = pool.ToMath(LpSupply(state, pool));
        return StableSwapInvariant.GetD(StableSwapMath.Normalise(math, math.Balances), math.Amp);
    }

    /// <summary>The module's parameters (the defaults until governance sets them).</summary>
    public static StableParams Params(LedgerState state) =>
        state.ReadRecord(StateKey.Of(ModuleIds.StableSwap, ParamsTable)) is { } bytes ? StableParams.Decode(bytes) : StableParams.Default;

    /// <summary>Sets the module's parameters.</summary>
    public static void SetParams(LedgerState state, StableParams parameters) =>
        state.WriteRecord(StateKey.Of(ModuleIds.StableSwap, ParamsTable), parameters.Encode());
}
