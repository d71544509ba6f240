using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>Where the farming module keeps its records: farms by id, stakes by farm and account, and the id counter.</summary>
public static class FarmRegistry
{
    private const byte FarmTable = 1;
    private const byte StakeTable = 2;
    private const byte CounterTable = 3;

    /// <summary>The farm's account holding the staked units (kept apart from the rewards, so FSH can be staked too).</summary>
    public static Address StakeAccount(uint farmId) => Address.ForModule($"farm/{farmId}/stake");

    /// <summary>The farm's account holding the notified FSH not yet paid (the contract's reward-token balance).</summary>
    public static Address RewardAccount(uint farmId) => Address.ForModule($"farm/{farmId}/rewards");

    /// <summary>The farm by id, or null.</summary>
    public static Farm? Get(LedgerState state, uint farmId) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Farming, FarmTable, farmId)) is { } bytes ? Farm.Decode(bytes) : null;

    /// <summary>Every farm in id order.</summary>
    public static IEnumerable<Farm> All(LedgerState state) =>
        state.Records(ModuleIds.Farming, FarmTable).Select(r => Farm.Decode(r.Value));

    /// <summary>Stores a farm (new or changed).</summary>
    public static void Put(LedgerState state, Farm farm) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Farming, FarmTable, farm.Id), farm.Encode());

    /// <summary>Allocates the next farm id (from 1).</summary>
    public static uint NextId(LedgerState state) => state.AllocateId(StateKey.Of(ModuleIds.Farming, CounterTable));

    /// <summary>An account's position in a farm (empty when it has none).</summary>
    public static FarmStake GetStake(LedgerState state, uint farmId, Address account) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Farming, StakeTable, farmId, account)) is { } bytes ? FarmStake.Decode(bytes) : default;

    /// <summary>Stores a position; an empty one is deleted.</summary>
    public static void PutStake(LedgerState state, uint farmId, Address account, FarmStake stake) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Farming, StakeTable, farmId, account), stake.IsEmpty ? null : stake.Encode());
}
