namespace Fairshare.Core.Modules.Governance;

/// <summary>GovernorBravo's proposal states, with the contract's enumeration codes (defi-math.md §8.1).</summary>
public enum ProposalState
{
    /// <summary>Voting has not started (block ≤ start block).</summary>
    Pending = 0,

    /// <summary>Voting is open (start block &lt; block ≤ end block).</summary>
    Active = 1,

    /// <summary>Canceled by the proposer or for its proposer falling below the threshold.</summary>
    Canceled = 2,

    /// <summary>Voting ended without a strict majority or without quorum.</summary>
    Defeated = 3,

    /// <summary>Voting passed; not yet queued in the timelock.</summary>
    Succeeded = 4,

    /// <summary>Queued in the timelock, within its grace period.</summary>
    Queued = 5,

    /// <summary>Queued but not executed before <c>eta + grace_period</c>.</summary>
    Expired = 6,

    /// <summary>Executed.</summary>
    Executed = 7,
}
