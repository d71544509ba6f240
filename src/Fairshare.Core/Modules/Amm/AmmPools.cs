using System.Buffers.Binary;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>Where the AMM keeps its records: pools by id, an index by asset pair, the id counter and parameters.</summary>
public static class AmmPools
{
    private const byte PoolTable = 1;
    private const byte PairIndexTable = 2;
    private const byte CounterTable = 3;
    private const byte ParamsTable = 4;

    /// <summary>The pool's own account, which holds its tokens.</summary>
    public static Address Account(uint poolId) => Address.ForModule($"amm/pool/{poolId}");

    /// <summary>The pool's lock key (Uniswap's re-entrancy lock, held during a flash swap).</summary>
    public static StateKey LockKey(uint poolId) => StateKey.Of(ModuleIds.Amm, PoolTable, poolId);

    /// <summary>The pair's assets in pool order (lower id first).</summary>
    public static (AssetId Asset0, AssetId Asset1) Sort(AssetId a, AssetId b) => a.Value < b.Value ? (a, b) : (b, a);

    /// <summary>The pool by id, or null.</summary>
    public static Pool? Get(LedgerState state, uint poolId) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Amm, PoolTable, poolId)) is { } bytes ? Pool.Decode(bytes) : null;

    /// <summary>The pool of a pair, or null.</summary>
    public static Pool? Find(LedgerState state, AssetId a, AssetId b)
    {
        var (asset0, asset1) = Sort(a, b);
        var index = state.ReadRecord(StateKey.Of(ModuleIds.Amm, PairIndexTable, asset0.Value, asset1.Value));
        return index is null ? null : Get(state, BinaryPrimitives.ReadUInt32BigEndian(index));
    }

    /// <summary>Every pool in id order.</summary>
    public static IEnumerable<Pool> All(LedgerState state) =>
        state.Records(ModuleIds.Amm, PoolTable).Select(r => Pool.Decode(r.Value));

    /// <summary>Stores a pool (new or changed).</summary>
    public static void Put(LedgerState state, Pool pool) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Amm, PoolTable, pool.Id), pool.Encode());

    /// <summary>Allocates the next pool id and indexes the pair under it.</summary>
    public static uint Register(LedgerState state, AssetId asset0, AssetId asset1)
    {
        uint id = state.AllocateId(StateKey.Of(ModuleIds.Amm, CounterTable));
        var index = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(index, id);
        state.WriteRecord(StateKey.Of(ModuleIds.Amm, PairIndexTable, asset0.Value, asset1.Value), index);
        return id;
    }

    /// <summary>The AMM's parameters (the defaults until governance sets them).</summary>
    public static AmmParams Params(LedgerState state) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Amm, ParamsTable)) is { } bytes ? AmmParams.Decode(bytes) : AmmParams.Default;

    /// <summary>Sets the AMM's parameters.</summary>
    public static void SetParams(LedgerState state, AmmParams parameters) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Amm, ParamsTable), parameters.Encode());
}
