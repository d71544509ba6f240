using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>
/// Where the staking module keeps its records (pools by provider, positions by provider and account, unbonding
/// entries by id, the parameters) and the module accounts that hold its FSH. Reads iterate in key order.
/// </summary>
public static class StakingStore
{
    private const byte ParamsTable = 1;
    private const byte PoolTable = 2;
    private const byte PositionTable = 3;
    private const byte UnbondingTable = 4;
    private const byte UnbondingCounter = 5;

    /// <summary>The account holding a pool's bonded FSH (its balance is the pool's <see cref="StakePool.Tokens"/>).</summary>
    public static Address BondedAccount(Address provider) => Address.ForModule($"stake/{provider}/bonded");

    /// <summary>The account holding the FSH of a pool's unbonding entries.</summary>
    public static Address UnbondingAccount(Address provider) => Address.ForModule($"stake/{provider}/unbonding");

    /// <summary>The account holding a pool's delegator rewards not yet claimed.</summary>
    public static Address RewardAccount(Address provider) => Address.ForModule($"stake/{provider}/rewards");

    /// <summary>The parameters in force (the defaults until governance sets them).</summary>
    public static StakingParams Params(LedgerState state) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Staking, ParamsTable)) is { } bytes ? StakingParams.Decode(bytes) : StakingParams.Default;

    /// <summary>Stores the parameters (journaled).</summary>
    public static void SetParams(LedgerState state, StakingParams parameters) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Staking, ParamsTable), parameters.Encode());

    /// <summary>The provider's pool, or null when it never bonded.</summary>
    public static StakePool? Pool(LedgerState state, Address provider) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Staking, PoolTable, provider)) is { } bytes ? StakePool.Decode(bytes) : null;

    /// <summary>Every pool in provider-address order.</summary>
    public static IEnumerable<StakePool> Pools(LedgerState state) =>
        state.Records(ModuleIds.Staking, PoolTable).Select(r => StakePool.Decode(r.Value));

    /// <summary>Stores a pool.</summary>
    public static void PutPool(LedgerState state, StakePool pool) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Staking, PoolTable, pool.Provider), pool.Encode());

    /// <summary>An account's position in a provider's pool, or null when it holds none.</summary>
    public static StakePosition? Position(LedgerState state, Address provider, Address delegator) =>
        state.ReadRecord(PositionKey(provider, delegator)) is { } bytes ? StakePosition.Decode(bytes) : null;

    /// <summary>Every position in a provider's pool (the provider's own included), in account order.</summary>
    public static IEnumerable<StakePosition> Positions(LedgerState state, Address provider) =>
        state.Records(ModuleIds.Staking, PositionTable)
            .Select(r => StakePosition.Decode(r.Value))
            .Where(p => p.Provider == provider);

    /// <summary>Stores a position; an empty one is deleted.</summary>
    public static void PutPosition(LedgerState state, StakePosition position) =>
        state.WriteRecord(PositionKey(position.Provider, position.Delegator), position.IsEmpty ? null : position.Encode());

    /// <summary>The unbonding entries owned by <paramref name="account"/>, in id order.</summary>
    public static IEnumerable<UnbondingEntry> Unbondings(LedgerState state, Address account) =>
        AllUnbondings(state).Where(e => e.Account == account);

    /// <summary>The unbonding entries that left <paramref name="provider"/>'s pool, in id order.</summary>
    public static IEnumerable<UnbondingEntry> PoolUnbondings(LedgerState state, Address provider) =>
        AllUnbondings(state).Where(e => e.Provider == provider);

    /// <summary>Every unbonding entry not yet withdrawn, in id order.</summary>
    public static IEnumerable<UnbondingEntry> AllUnbondings(LedgerState state) =>
        state.Records(ModuleIds.Staking, UnbondingTable).Select(r => UnbondingEntry.Decode(r.Value));

    /// <summary>Allocates the next unbonding entry id (from 1).</summary>
    public static uint NextUnbondingId(LedgerState state) => state.AllocateId(StateKey.Of(ModuleIds.Staking, UnbondingCounter));

    /// <summary>Stores an unbonding entry.</summary>
    public static void PutUnbonding(LedgerState state, UnbondingEntry entry) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Staking, UnbondingTable, entry.Id), entry.Encode());

    /// <summary>Deletes a withdrawn unbonding entry.</summary>
    public static void DeleteUnbonding(LedgerState state, uint id) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Staking, UnbondingTable, id), null);

    /// <summary>Module, table, provider, delegator: positions of one pool sit together in key order.</summary>
    private static StateKey PositionKey(Address provider, Address delegator)
    {
        var bytes = new byte[2 + 2 * Address.Size];
        (bytes[0], bytes[1]) = (ModuleIds.Staking, PositionTable);
        provider.CopyTo(bytes.AsSpan(2));
        delegator.CopyTo(bytes.AsSpan(2 + Address.Size));
        return StateKey.FromBytes(bytes) ?? throw new InvalidOperationException("a position key is within the key length");
    }
}
