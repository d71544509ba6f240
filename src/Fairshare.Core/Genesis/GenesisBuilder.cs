using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>Turns a genesis config into the state at height 0, checking what the parser cannot see alone.</summary>
public static class GenesisBuilder
{
    /// <summary>Builds the genesis state, or returns the first problem.</summary>
    public static (LedgerState? State, GenesisError? Error) Build(GenesisConfig config)
    {
        var seen = new HashSet<Address>();
        Amount supply = Amount.Zero;
        for (int i = 0; i < config.Allocations.Length; i++)
        {
            var allocation = config.Allocations[i];
            string path = $"allocations[{i}]";
            if (!seen.Add(allocation.Address))
                return Error(ResultCode.GenesisDuplicateAllocation, $"{path}.address: {allocation.Address} is allocated twice");
            if (allocation.Amount.IsZero) return Error(ResultCode.GenesisBadAmount, $"{path}.amount: must be positive");
            // Not TryAdd(supply, …, out supply): see scripts/mutation-preflight.py.
            if (!Amount.TryAdd(supply, allocation.Amount, out var total))
                return Error(ResultCode.GenesisSupplyOverflow, $"{path}.amount: the allocations sum past 2^256 - 1 base units");
            supply = total;
            if (allocation.Vesting is { } v && (v.DurationBlocks == 0 || v.CliffBlocks > v.DurationBlocks))
                return Error(ResultCode.GenesisBadVesting, $"{path}.vesting: duration_blocks must be positive and cliff_blocks at most duration_blocks");
        }

        if (config.Validators.IsEmpty) return Error(ResultCode.GenesisBadValue, "validators: at least one validator is needed");
        if (config.Assets.Any(a => a.Id == AssetId.Usdf && a.Issuer is null))
            return Error(ResultCode.GenesisBadValue, "assets: USDF needs an issuer");

        var parameters = new ChainParams(config.MinFee, config.FeeValidatorBps, config.Treasury);
        var head = new ChainHead(0, config.Hash(), config.GenesisTimeMs, Hash32.Zero);
        var state = new LedgerState(config.ChainId, parameters, config.Validators, head);
        foreach (var asset in config.Assets)
            state.RegisterAsset(new AssetInfo(asset.Id, asset.Symbol, asset.Decimals, asset.Id == AssetId.Fsh ? supply : Amount.Zero, asset.Issuer));

        foreach (var allocation in config.Allocations)
        {
            var account = state.GetOrCreate(allocation.Address);
            state.SetCohort(account, allocation.Cohort);
            if (allocation.Vesting is { } v)
            {
                state.SetVesting(account, new VestingSchedule(allocation.Amount, Amount.Zero, v.StartHeight, v.CliffBlocks, v.DurationBlocks));
                var escrow = state.GetOrCreate(LedgerState.VestingEscrow);
                state.SetCohort(escrow, Cohort.Module);
                state.SetBalance(escrow, AssetId.Fsh, escrow.BalanceOf(AssetId.Fsh) + allocation.Amount);
            }
            else
            {
                state.SetBalance(account, AssetId.Fsh, allocation.Amount);
            }
        }

        for (int i = 0; i < config.Parameters.Length; i++)
        {
            var (name, value) = config.Parameters[i];
            if (GovernableParameters.FindByName(name) is not { } parameter)
                return Error(ResultCode.GenesisBadValue, $"module_params.{name}: no such parameter (see 'fairshare gov params')");
            if (GovernableParameters.Apply(state, new GovAction(parameter.Module, parameter.Id, value)) != ResultCode.Ok)
                return Error(ResultCode.GenesisBadValue, $"module_params.{name}: out of range [{parameter.Min}, {parameter.Max}]");
        }

        state.Commit();
        state.AdvanceHead(head with { StateRoot = state.ComputeRoot() });
        return (state, null);
    }

    private static (LedgerState?, GenesisError?) Error(ResultCode code, string message) => (null, new GenesisError(code, message));
}
