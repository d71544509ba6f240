using Fairshare.Analytics.Waterfall;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Server.Views;

/// <summary>
/// Module state as the API's DTOs, read only through the modules' own stores (as the CLI's views do). Called inside
/// <c>ILedgerService.Read</c>, so each answer is one consistent height. "Now" for time-dependent views (TWAPs, proposal
/// states) is the head block's time, or the wall clock when later: what a transaction in the next block would see.
/// </summary>
internal static class ModuleViews
{
    public static JobDto Job(Job job)
    {
        var spec = job.Spec;
        return new JobDto(
            job.Id, job.Client.ToString(), job.State.ToString(), spec.Kind.ToString(), spec.Policy.ToString(), spec.Replicas,
            spec.Model.ToString(), spec.Input.ToString(), spec.WorkUnits, spec.MaxPricePerWorkUnit.ToString(), spec.DeadlineBlocks,
            job.Locked.ToString(), job.Escrow.ToString(), job.Paid.ToString(), job.Refunded.ToString(),
            job.AcceptedOutput.IsZero ? null : job.AcceptedOutput.ToString(), job.CreatedHeight,
            job.ClosedHeight == 0 ? null : job.ClosedHeight, job.Reassignments, [.. job.Slots.Select(Slot)], Payouts(job));
    }

    /// <summary>The job's waterfall (its own record: slots' paid and earned, slashes, burn, refund) as payouts.</summary>
    public static IReadOnlyList<JobPayoutDto> Payouts(Job job)
    {
        var waterfall = JobWaterfall.Build(job, address => address.ToString());
        return
        [
            .. waterfall.Steps.Select(s => Payout(s, fromEscrow: true)),
            .. waterfall.OutsideEscrow.Select(s => Payout(s, fromEscrow: false)),
        ];
    }

    private static JobPayoutDto Payout(JobWaterfallStep step, bool fromEscrow) =>
        new(step.Kind, step.Party.Length == 0 ? null : step.Party, step.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), fromEscrow);

    public static JobSlotDto Slot(JobSlot s) => new(
        s.Provider.ToString(), s.Role.ToString(), s.Status.ToString(), s.AssignedHeight, s.DeadlineHeight, s.Price.ToString(),
        s.Commitment.IsZero ? null : s.Commitment.ToString(), s.OutputHash.IsZero ? null : s.OutputHash.ToString(), s.AgreeMask);

    public static IReadOnlyList<ProviderDto> Providers(LedgerState state)
    {
        ulong height = state.Head.Height + 1;
        return [.. MarketStore.Providers(state).Select(p => Provider(state, p, height))];
    }

    public static IReadOnlyList<PoolDto> Pools(LedgerState state, ulong nowSeconds)
    {
        var pools = new List<PoolDto>();
        foreach (var pool in AmmPools.All(state))
        {
            var twap = AmmOracle.TryTwap(state, pool.Asset0, pool.Asset1, nowSeconds, out var price);
            pools.Add(new PoolDto(
                pool.Id, Symbol(state, pool.Asset0), Symbol(state, pool.Asset1), pool.Reserve0.ToString(), pool.Reserve1.ToString(),
                Symbol(state, pool.LpAsset), (state.FindAsset(pool.LpAsset)?.Supply ?? Amount.Zero).ToString(),
                AmmOracle.Spot(pool, pool.Asset0).ToString(), twap == ResultCode.Ok ? price.ToString() : null,
                AmmPools.Account(pool.Id).ToString()));
        }

        return pools;
    }

    public static IReadOnlyList<LendingMarketDto> LendingMarkets(LedgerState state, ulong nowSeconds)
    {
        var markets = new List<LendingMarketDto>();
        foreach (var market in Core.Modules.Lending.LendingMarkets.All(state))
        {
            var s = MarketSummary.Of(state, market, nowSeconds);
            markets.Add(new LendingMarketDto(
                Symbol(state, market.Underlying), Symbol(state, market.CToken), s.Cash.ToString(), market.TotalBorrows.ToString(),
                market.TotalReserves.ToString(), s.CTokenSupply.ToString(), s.Utilization.ToString(), s.BorrowRatePerBlock.ToString(),
                s.SupplyRatePerBlock.ToString(), s.ExchangeRate.ToString(), s.Price.IsZero ? null : s.Price.ToString(),
                market.Risk.CollateralFactor.ToString(), market.Risk.ReserveFactor.ToString(), market.AccrualBlockNumber));
        }

        return markets;
    }

    public static IReadOnlyList<ProposalDto> Proposals(LedgerState state, ulong nowSeconds)
    {
        ulong height = state.Head.Height + 1;
        return
        [
            .. GovStore.AllProposals(state).Select(p => new ProposalDto(
                p.Id, GovernanceModule.StateOf(state, p, height, nowSeconds).ToString(), p.Proposer.ToString(), p.Description,
                RuleName(p.Rule), p.CapBps, p.StartBlock, p.EndBlock, p.For.ToString(), p.Against.ToString(), p.Abstain.ToString(),
                GovernanceModule.WeightedQuorum(state, p).ToString(), p.Eta,
                [.. p.Actions.Select(Action)])),
        ];
    }

    public static IReadOnlyList<StakePoolDto> StakePools(LedgerState state)
    {
        ulong height = state.Head.Height + 1;
        var pools = new List<StakePoolDto>();
        foreach (var pool in StakingStore.Pools(state))
        {
            bool pending = pool.HasPendingCommission(height);
            var unbonding = StakingStore.PoolUnbondings(state, pool.Provider).Aggregate(Amount.Zero, (sum, e) => sum + e.Tokens);
            int delegators = StakingStore.Positions(state, pool.Provider).Count(p => !p.IsSelfBond && !p.Shares.IsZero);
            pools.Add(new StakePoolDto(
                pool.Provider.ToString(), pool.Tokens.ToString(), pool.Shares.ToString(), StakingModule.SelfBonded(state, pool.Provider).ToString(),
                pool.CommissionAt(height), pending ? pool.PendingCommissionBps : null, pending ? pool.CommissionChangeHeight : null,
                delegators, unbonding.ToString(), state.BalanceOf(StakingStore.RewardAccount(pool.Provider), AssetId.Fsh).ToString()));
        }

        return pools;
    }

    /// <summary>The head's time in seconds, or the wall clock when later.</summary>
    public static ulong NowSeconds(LedgerState state, TimeProvider clock) =>
        Math.Max((ulong)clock.GetUtcNow().ToUnixTimeSeconds(), state.Head.TimestampMs / 1000);

    private static ProviderDto Provider(LedgerState state, ProviderRecord p, ulong height)
    {
        var offer = p.Offer;
        var stats = p.Stats;
        return new ProviderDto(
            p.Provider.ToString(), p.Registered, ProviderEligibility.Name(ProviderEligibility.Status(state, p, height)), offer.Device.ToString(), offer.MemoryMb, offer.BenchmarkScore,
            offer.PricePerWorkUnit.ToString(), offer.Capacity, p.OpenSlots, offer.Region, offer.GramsCo2PerKwh, offer.RenewablePercent,
            offer.Hardware, stats.ReputationPpm, stats.Verified, stats.Faults, stats.Missed, stats.IsJailedAt(height), stats.JailedUntil,
            stats.LastHeartbeat, StakingModule.SelfBonded(state, p.Provider).ToString(), StakingModule.BondedTokens(state, p.Provider).ToString());
    }

    private static string RuleName(VotingRule rule) => EnumText.Name(rule);

    private static GovActionDto Action(GovAction action) => GovernableParameters.Find(action.Module, action.Parameter) is { } parameter
        ? new GovActionDto(parameter.Name, action.Value.ToString(), parameter.UnitName, parameter.Format(action.Value))
        : new GovActionDto($"{action.Module}.{action.Parameter}", action.Value.ToString());

    private static string Symbol(LedgerState state, AssetId asset) => state.FindAsset(asset)?.Symbol ?? asset.ToString();
}
