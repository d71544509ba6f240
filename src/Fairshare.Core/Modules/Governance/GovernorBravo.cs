using System.Numerics;
using static Fairshare.Core.Modules.Math.Checked;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// Compound GovernorBravo's proposal state machine and checks exactly as <c>defi-math.md</c> §8
/// (<c>GovernorBravoDelegate</c> and <c>Timelock</c> at the §0.4 commit): same check order, same reverts. Vote weights,
/// whitelist status and timelock parameters are inputs.
/// </summary>
public static class GovernorBravo
{
    /// <summary>Votes for needed for a proposal to pass: 400000e18.</summary>
    public static readonly BigInteger QuorumVotes = 400_000 * Wad;

    /// <summary>Lowest settable proposal threshold: 1000e18 (G1/G2 used 50000e18, §10.1).</summary>
    public static readonly BigInteger MinProposalThreshold = 1_000 * Wad;

    /// <summary>Highest settable proposal threshold: 100000e18.</summary>
    public static readonly BigInteger MaxProposalThreshold = 100_000 * Wad;

    /// <summary>Shortest voting period, blocks.</summary>
    public static readonly BigInteger MinVotingPeriod = 5_760;

    /// <summary>Longest voting period, blocks.</summary>
    public static readonly BigInteger MaxVotingPeriod = 80_640;

    /// <summary>Shortest voting delay, blocks.</summary>
    public static readonly BigInteger MinVotingDelay = 1;

    /// <summary>Longest voting delay, blocks.</summary>
    public static readonly BigInteger MaxVotingDelay = 40_320;

    /// <summary>Most actions in one proposal.</summary>
    public static readonly BigInteger ProposalMaxOperations = 10;

    /// <summary>Timelock <c>GRACE_PERIOD</c>: 14 days, seconds.</summary>
    public static readonly BigInteger GracePeriod = 14 * 86_400;

    /// <summary>Timelock <c>MINIMUM_DELAY</c>: 2 days, seconds.</summary>
    public static readonly BigInteger MinimumDelay = 2 * 86_400;

    /// <summary>Timelock <c>MAXIMUM_DELAY</c>: 30 days, seconds.</summary>
    public static readonly BigInteger MaximumDelay = 30 * 86_400;

    /// <summary>
    /// §8.1 <c>state</c>: the proposal's state at <paramref name="blockNumber"/> / <paramref name="blockTimestamp"/>.
    /// Reverts <c>INVALID_PROPOSAL_ID</c> unless <c>initialProposalId &lt; id ≤ proposalCount</c>; a tie or fewer than
    /// <paramref name="quorumVotes"/> for is Defeated; Executed is checked before Expired.
    /// </summary>
    public static ProposalState State(
        ProposalSnapshot proposal, BigInteger proposalCount, BigInteger initialProposalId,
        BigInteger blockNumber, BigInteger blockTimestamp, BigInteger quorumVotes, BigInteger gracePeriod)
    {
        Require(proposalCount >= proposal.Id && proposal.Id > initialProposalId, "INVALID_PROPOSAL_ID");
        if (proposal.Canceled) return ProposalState.Canceled;
        if (blockNumber <= proposal.StartBlock) return ProposalState.Pending;
        if (blockNumber <= proposal.EndBlock) return ProposalState.Active;
        if (proposal.ForVotes <= proposal.AgainstVotes || proposal.ForVotes < quorumVotes) return ProposalState.Defeated;
        if (proposal.Eta.IsZero) return ProposalState.Succeeded;
        if (proposal.Executed) return ProposalState.Executed;
        if (blockTimestamp >= Add(proposal.Eta, gracePeriod)) return ProposalState.Expired;
        return ProposalState.Queued;
    }

    /// <summary>
    /// §8.2 <c>propose</c>: checks the proposer and the action count, then returns the voting window.
    /// </summary>
    /// <param name="initialProposalId">0 while the governor is not yet active.</param>
    /// <param name="priorVotes">The proposer's votes at <c>block_number − 1</c>; must be strictly above the threshold.</param>
    /// <param name="proposalThreshold">The proposal threshold.</param>
    /// <param name="whitelisted">Whether the proposer is whitelisted (exempt from the threshold).</param>
    /// <param name="numActions">Number of actions (1..10).</param>
    /// <param name="latestProposalState">State of the proposer's latest proposal, or null when none.</param>
    /// <param name="blockNumber">Current block.</param>
    /// <param name="votingDelay">Voting delay, blocks.</param>
    /// <param name="votingPeriod">Voting period, blocks.</param>
    public static ProposalWindow Propose(
        BigInteger initialProposalId, BigInteger priorVotes, BigInteger proposalThreshold, bool whitelisted, BigInteger numActions,
        ProposalState? latestProposalState, BigInteger blockNumber, BigInteger votingDelay, BigInteger votingPeriod)
    {
        Require(!initialProposalId.IsZero, "GOVERNOR_NOT_ACTIVE");
        Require(priorVotes > proposalThreshold || whitelisted, "PROPOSER_VOTES_BELOW_THRESHOLD");
        Require(!numActions.IsZero, "MUST_PROVIDE_ACTIONS");
        Require(numActions <= ProposalMaxOperations, "TOO_MANY_ACTIONS");
        if (latestProposalState is { } latest)
        {
            Require(latest != ProposalState.Active, "ONE_LIVE_PROPOSAL_PER_PROPOSER_ACTIVE");
            Require(latest != ProposalState.Pending, "ONE_LIVE_PROPOSAL_PER_PROPOSER_PENDING");
        }

        var startBlock = Add(blockNumber, votingDelay);
        return new ProposalWindow(startBlock, Add(startBlock, votingPeriod));
    }

    /// <summary>
    /// §8.2 <c>cast_vote</c>: adds <paramref name="votes"/> (uint96, taken at the start block) to against, for or
    /// abstain for support 0, 1 or 2.
    /// </summary>
    public static VoteTally CastVote(ProposalState state, BigInteger support, bool hasVoted, BigInteger votes, VoteTally tally)
    {
        Require(state == ProposalState.Active, "VOTING_IS_CLOSED");
        Require(support <= 2, "INVALID_VOTE_TYPE");
        Require(!hasVoted, "VOTER_ALREADY_VOTED");
        if (support.IsZero) return tally with { Against = Add(tally.Against, votes) };
        if (support.IsOne) return tally with { For = Add(tally.For, votes) };
        return tally with { Abstain = Add(tally.Abstain, votes) };
    }

    /// <summary>
    /// §8.2 <c>validate_params</c> (<c>initialize</c> and the setters): voting period, then voting delay, then proposal
    /// threshold, each within its inclusive bounds.
    /// </summary>
    public static void ValidateParams(BigInteger votingPeriod, BigInteger votingDelay, BigInteger proposalThreshold)
    {
        Require(votingPeriod >= MinVotingPeriod && votingPeriod <= MaxVotingPeriod, "INVALID_VOTING_PERIOD");
        Require(votingDelay >= MinVotingDelay && votingDelay <= MaxVotingDelay, "INVALID_VOTING_DELAY");
        Require(proposalThreshold >= MinProposalThreshold && proposalThreshold <= MaxProposalThreshold, "INVALID_PROPOSAL_THRESHOLD");
    }

    /// <summary>§8.2 <c>queue</c>: a Succeeded proposal gets <c>eta = block_timestamp + timelock_delay</c>.</summary>
    public static BigInteger Queue(ProposalState state, BigInteger blockTimestamp, BigInteger timelockDelay)
    {
        Require(state == ProposalState.Succeeded, "PROPOSAL_NOT_SUCCEEDED");
        return Add(blockTimestamp, timelockDelay);
    }

    /// <summary>
    /// §8.2 <c>execute_check</c>: a Queued proposal may execute when <c>eta ≤ block_timestamp ≤ eta + grace_period</c>
    /// (GovernorBravo then Timelock checks).
    /// </summary>
    public static void ExecuteCheck(ProposalState state, BigInteger eta, BigInteger blockTimestamp, BigInteger gracePeriod)
    {
        Require(state == ProposalState.Queued, "PROPOSAL_NOT_QUEUED");
        Require(blockTimestamp >= eta, "TIMELOCK_NOT_SURPASSED");
        Require(blockTimestamp <= Add(eta, gracePeriod), "TIMELOCK_STALE");
    }

    /// <summary>
    /// §8.2 <c>cancel</c>: anything but an Executed proposal can be canceled by its proposer. Anyone else needs the
    /// proposer's prior votes strictly below the threshold; for a whitelisted proposer the caller must in addition be
    /// the whitelist guardian, and either failure is <c>WHITELISTED_PROPOSER</c> (one combined require in the contract).
    /// </summary>
    public static void Cancel(
        ProposalState state, bool senderIsProposer, BigInteger proposerPriorVotes, BigInteger proposalThreshold,
        bool proposerWhitelisted, bool senderIsWhitelistGuardian)
    {
        Require(state != ProposalState.Executed, "CANNOT_CANCEL_EXECUTED");
        if (senderIsProposer) return;
        var belowThreshold = proposerPriorVotes < proposalThreshold;
        if (proposerWhitelisted) Require(belowThreshold && senderIsWhitelistGuardian, "WHITELISTED_PROPOSER");
        else Require(belowThreshold, "PROPOSER_ABOVE_THRESHOLD");
    }
}
