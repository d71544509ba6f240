using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules;

/// <summary>
/// The one rule that says whether an empty block after the head would matter: whether something on the ledger waits
/// for the height to move. Durations are counted in blocks, so an empty block is due while
/// <list type="bullet">
/// <item>the market has an active (open, running or disputed) job: matching is retried, slot deadlines, spot-check
/// draws and canary windows pass at heights (<see cref="MarketStore.ActiveJobIds"/>);</item>
/// <item>provider emission is on or has accrued: each block adds to the pot and epochs pay at heights
/// (<see cref="MarketParams.ProviderEmission"/>, <see cref="MarketStore.EmissionAccrued"/>);</item>
/// <item>a provider is jailed until a later height (<see cref="ProviderStats.JailedUntil"/>);</item>
/// <item>an account owes a lending market: interest accrues per block (<see cref="LendingMarkets.AnyBorrow"/>);</item>
/// <item>a staking unbonding entry or an announced commission change has not completed
/// (<see cref="UnbondingEntry.CompletionHeight"/>, <see cref="StakePool.CommissionChangeHeight"/>);</item>
/// <item>a governance proposal is pending or its vote is open (<see cref="Proposal.EndBlock"/>);</item>
/// <item>a genesis vesting schedule is still vesting (<see cref="VestingSchedule"/>).</item>
/// </list>
/// While nothing is due, an empty block changes nothing but the head: the end-of-block step (<see cref="EndBlock"/>)
/// moves nothing and writes no receipt, and the lazy per-height rules (interest, unbonding, commission, votes,
/// vesting) have nothing waiting on them. Skipping such blocks leaves block-counted durations where they are, which
/// changes nothing because nothing is waiting on them. One block count is not a reason and stretches in wall time
/// while blocks are skipped: a provider's heartbeat freshness (<see cref="MarketParams.HeartbeatTimeoutBlocks"/>). A
/// provider that stops sending heartbeats while the chain idles stays eligible for that many blocks, and idle blocks
/// come slower; once a job arrives, blocks are due again and the count runs at the block time. Pure: it reads the
/// state and changes nothing. It runs on the proposer at most once per block while its mempool is empty; the market
/// and emission checks read one or two records, the others one pass over a small table each, and the vesting check
/// visits accounts only while the vesting escrow holds FSH.
/// </summary>
public static class BlockSchedule
{
    /// <summary>Whether an empty block after the head would matter (<see cref="DueBecause"/> is not <see cref="BlockDue.Nothing"/>).</summary>
    public static bool EmptyBlockDue(LedgerState state) => DueBecause(state) != BlockDue.Nothing;

    /// <summary>The first reason, cheapest checks first, that an empty block after the head would matter; <see cref="BlockDue.Nothing"/> when none.</summary>
    public static BlockDue DueBecause(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ulong head = state.Head.Height;
        if (MarketStore.ActiveJobIds(state).Count > 0) return BlockDue.MarketJobs;
        if (!MarketStore.Params(state).ProviderEmission.IsZero || !MarketStore.EmissionAccrued(state).IsZero) return BlockDue.ProviderEmission;
        if (LendingMarkets.AnyBorrow(state)) return BlockDue.LendingInterest;
        if (StakingStore.AllUnbondings(state).Any(e => !e.IsComplete(head))) return BlockDue.StakingUnbonding;
        if (StakingStore.Pools(state).Any(p => p.HasPendingCommission(head))) return BlockDue.CommissionChange;
        if (GovStore.AllProposals(state).Any(p => !p.Canceled && head < p.EndBlock)) return BlockDue.GovernanceVote;
        if (MarketStore.Providers(state).Any(p => p.Stats.IsJailedAt(head))) return BlockDue.JailedProvider;
        if (!state.BalanceOf(LedgerState.VestingEscrow, AssetId.Fsh).IsZero
            && state.AnyAccount(a => a.Vesting is { } vesting && vesting.VestedAt(head) < vesting.Total)) return BlockDue.Vesting;
        return BlockDue.Nothing;
    }
}
