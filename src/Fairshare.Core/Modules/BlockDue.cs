namespace Fairshare.Core.Modules;

/// <summary>
/// Why an empty block after the head would matter (<see cref="BlockSchedule.DueBecause"/>): something on the ledger
/// waits for the height to move. <see cref="Nothing"/> when nothing does. Not consensus data: only the proposer reads it.
/// </summary>
public enum BlockDue : byte
{
    /// <summary>Nothing waits for a height: an empty block would change nothing but the head.</summary>
    Nothing = 0,

    /// <summary>An open, running or disputed compute job: matching, slot deadlines, spot-check draws and canary windows move with the height.</summary>
    MarketJobs = 1,

    /// <summary>Provider emission is on, or accrued and not yet paid: every block accrues it, epochs end at heights.</summary>
    ProviderEmission = 2,

    /// <summary>A provider is jailed until a later height.</summary>
    JailedProvider = 3,

    /// <summary>An account owes a lending market: interest accrues per block.</summary>
    LendingInterest = 4,

    /// <summary>A staking unbonding entry has not completed (it stays slashable until its height).</summary>
    StakingUnbonding = 5,

    /// <summary>A stake pool's announced commission change has not taken effect.</summary>
    CommissionChange = 6,

    /// <summary>A governance proposal is pending or its vote is open (the delay and the period count blocks).</summary>
    GovernanceVote = 7,

    /// <summary>A genesis vesting schedule is still vesting (it is counted in blocks).</summary>
    Vesting = 8,
}
