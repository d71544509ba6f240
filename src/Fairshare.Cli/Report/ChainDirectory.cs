using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Analytics.Reports;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Report;

/// <summary>
/// Who the accounts of a state are, for the report: genesis cohorts; roles (providers registered in the market, LPs
/// holding pool shares, clients that submitted jobs, whales holding more FSH than the threshold); names of the
/// protocol accounts (treasury, market escrow and disputes, vesting escrow, stake pools' reward accounts = delegators).
/// </summary>
public static class ChainDirectory
{
    /// <summary>
    /// One pass over the state's accounts: the directory, the protocol accounts, and every asset's balances (FSH first,
    /// then by asset id); <paramref name="whale"/> in FSH base units (null: 1% of the FSH supply).
    /// </summary>
    public static ChainAccounts Read(LedgerState state, BigInteger? whale)
    {
        ArgumentNullException.ThrowIfNull(state);
        var names = new Dictionary<Address, string>
        {
            [state.Params.Treasury] = "treasury",
            [MarketStore.EscrowAccount] = "market escrow",
            [MarketStore.DisputeAccount] = "market disputes",
            [LedgerState.VestingEscrow] = "vesting escrow",
        };
        foreach (var pool in StakingStore.Pools(state)) names[StakingStore.RewardAccount(pool.Provider)] = "delegators";
        var roles = new Dictionary<Address, AccountRole>();
        foreach (var p in MarketStore.Providers(state)) Add(roles, p.Provider, AccountRole.Provider);
        foreach (var j in MarketStore.Jobs(state)) Add(roles, j.Client, AccountRole.Client);
        var lpAssets = AmmPools.All(state).Select(p => p.LpAsset).ToHashSet();
        var threshold = whale ?? (state.FindAsset(AssetId.Fsh)?.Supply.ToBigInteger() ?? BigInteger.Zero) / 100;
        var cohorts = new Dictionary<Address, Cohort>();
        var perAsset = new Dictionary<AssetId, List<AccountBalance>>();
        foreach (var account in state.AccountsInOrder())
        {
            if (account.Cohort != Cohort.None) cohorts[account.Address] = account.Cohort;
            var accountBalances = account.Balances;
            for (int i = 0; i < accountBalances.Count; i++)
            {
                var b = accountBalances[i];
                if (b.Amount.IsZero) continue;
                if (!perAsset.TryGetValue(b.Asset, out var list)) perAsset[b.Asset] = list = [];
                var balance = b.Amount.ToBigInteger();
                list.Add(new AccountBalance(account.Address, balance));
                if (lpAssets.Contains(b.Asset)) Add(roles, account.Address, AccountRole.LiquidityProvider);
                if (b.Asset == AssetId.Fsh && balance > threshold && account.Cohort != Cohort.Module && !names.ContainsKey(account.Address))
                    Add(roles, account.Address, AccountRole.Whale);
            }
        }

        var protocol = names.Keys.Concat(cohorts.Where(c => c.Value == Cohort.Module).Select(c => c.Key)).ToHashSet();
        var passThrough = new HashSet<Address> { MarketStore.EscrowAccount, MarketStore.DisputeAccount };
        var assets = state.Assets.OrderBy(a => a.Id == AssetId.Fsh ? 0 : 1).ThenBy(a => a.Id.Value)
            .Select(a => new AssetHoldings(a.Id, a.Symbol, a.Decimals, [.. perAsset.GetValueOrDefault(a.Id) ?? []]));
        return new ChainAccounts(new AccountDirectory(cohorts, roles, names, passThrough), protocol, [.. assets]);
    }

    private static void Add(Dictionary<Address, AccountRole> roles, Address account, AccountRole role) => roles[account] = roles.GetValueOrDefault(account) | role;
}
