using System.Numerics;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Math;

namespace Fairshare.Core.Tests.Modules;

public sealed class GovernorBravoTests
{
    private static readonly BigInteger Quorum = GovernorBravo.QuorumVotes;
    private static readonly BigInteger Grace = GovernorBravo.GracePeriod;
    private const long Eta = 1600964274;

    private static readonly ProposalSnapshot Passed = new(7, false, false, 100, 200, Quorum, Quorum - 1, Eta);

    private static ProposalState StateAt(ProposalSnapshot proposal, BigInteger block, BigInteger timestamp) =>
        GovernorBravo.State(proposal, 9, 3, block, timestamp, Quorum, Grace);

    private static string Revert(Action action) => Assert.Throws<RevertException>(action).Error;

    [Fact]
    public void State_WalksThroughTheLifecycle_WithInclusiveBoundaries()
    {
        var fresh = Passed with { Eta = 0 };
        Assert.Equal(ProposalState.Pending, StateAt(fresh, 100, 0));
        Assert.Equal(ProposalState.Active, StateAt(fresh, 101, 0));
        Assert.Equal(ProposalState.Active, StateAt(fresh, 200, 0));
        Assert.Equal(ProposalState.Succeeded, StateAt(fresh, 201, 0));
        Assert.Equal(ProposalState.Defeated, StateAt(fresh with { AgainstVotes = Quorum }, 201, 0));
        Assert.Equal(ProposalState.Defeated, StateAt(fresh with { ForVotes = Quorum - 1, AgainstVotes = 0 }, 201, 0));
        // StateTest.js: Queued at eta + grace − 1, Expired at eta + grace; Executed wins over Expired.
        Assert.Equal(ProposalState.Queued, StateAt(Passed, 201, Eta + Grace - 1));
        Assert.Equal(ProposalState.Expired, StateAt(Passed, 201, Eta + Grace));
        Assert.Equal(ProposalState.Executed, StateAt(Passed with { Executed = true }, 201, Eta + Grace));
        Assert.Equal(ProposalState.Canceled, StateAt(Passed with { Canceled = true }, 150, 0));
        Assert.Equal("INVALID_PROPOSAL_ID", Revert(() => StateAt(Passed with { Id = 3 }, 201, 0)));
        Assert.Equal(7, (int)ProposalState.Executed);
    }

    [Fact]
    public void Propose_NeedsVotesStrictlyAboveThreshold_UnlessWhitelisted()
    {
        BigInteger threshold = 50_000;
        var window = GovernorBravo.Propose(1, threshold + 1, threshold, false, 3, null, 1395777, 13140, 11650);
        Assert.Equal(new ProposalWindow(1408917, 1420567), window);
        Assert.Equal("PROPOSER_VOTES_BELOW_THRESHOLD", Revert(() => GovernorBravo.Propose(1, threshold, threshold, false, 3, null, 1, 1, 1)));
        Assert.Equal(window, GovernorBravo.Propose(1, threshold, threshold, true, 3, ProposalState.Defeated, 1395777, 13140, 11650));
        Assert.Equal("GOVERNOR_NOT_ACTIVE", Revert(() => GovernorBravo.Propose(0, threshold + 1, threshold, false, 3, null, 1, 1, 1)));
        Assert.Equal("TOO_MANY_ACTIONS", Revert(() => GovernorBravo.Propose(1, threshold + 1, threshold, false, 11, null, 1, 1, 1)));
        Assert.Equal("ONE_LIVE_PROPOSAL_PER_PROPOSER_PENDING",
            Revert(() => GovernorBravo.Propose(1, threshold + 1, threshold, false, 1, ProposalState.Pending, 1, 1, 1)));
    }

    [Fact]
    public void CastVote_AddsToTheChosenSide_OnlyOnceAndOnlyWhileActive()
    {
        var tally = new VoteTally(1, 2, 3);
        Assert.Equal(new VoteTally(1, 12, 3), GovernorBravo.CastVote(ProposalState.Active, 0, false, 10, tally));
        Assert.Equal(new VoteTally(11, 2, 3), GovernorBravo.CastVote(ProposalState.Active, 1, false, 10, tally));
        Assert.Equal(new VoteTally(1, 2, 13), GovernorBravo.CastVote(ProposalState.Active, 2, false, 10, tally));
        Assert.Equal("VOTING_IS_CLOSED", Revert(() => GovernorBravo.CastVote(ProposalState.Succeeded, 3, true, 10, tally)));
        Assert.Equal("INVALID_VOTE_TYPE", Revert(() => GovernorBravo.CastVote(ProposalState.Active, 3, true, 10, tally)));
        Assert.Equal("VOTER_ALREADY_VOTED", Revert(() => GovernorBravo.CastVote(ProposalState.Active, 1, true, 10, tally)));
    }

    [Fact]
    public void TimelockAndCancelChecks()
    {
        Assert.Equal(Eta + 172800, GovernorBravo.Queue(ProposalState.Succeeded, Eta, 172800));
        Assert.Equal("PROPOSAL_NOT_SUCCEEDED", Revert(() => GovernorBravo.Queue(ProposalState.Queued, Eta, 172800)));
        GovernorBravo.ExecuteCheck(ProposalState.Queued, Eta, Eta + Grace, Grace);
        Assert.Equal("TIMELOCK_NOT_SURPASSED", Revert(() => GovernorBravo.ExecuteCheck(ProposalState.Queued, Eta, Eta - 1, Grace)));
        Assert.Equal("TIMELOCK_STALE", Revert(() => GovernorBravo.ExecuteCheck(ProposalState.Queued, Eta, Eta + Grace + 1, Grace)));
        Assert.Equal("INVALID_VOTING_DELAY", Revert(() => GovernorBravo.ValidateParams(5760, 40321, 0)));

        GovernorBravo.Cancel(ProposalState.Active, false, 99, 100, false, false);
        Assert.Equal("PROPOSER_ABOVE_THRESHOLD", Revert(() => GovernorBravo.Cancel(ProposalState.Active, false, 100, 100, false, false)));
        Assert.Equal("WHITELISTED_PROPOSER", Revert(() => GovernorBravo.Cancel(ProposalState.Active, false, 99, 100, true, false)));
        Assert.Equal("WHITELISTED_PROPOSER", Revert(() => GovernorBravo.Cancel(ProposalState.Active, false, 100, 100, true, true)));
        Assert.Equal("CANNOT_CANCEL_EXECUTED", Revert(() => GovernorBravo.Cancel(ProposalState.Executed, true, 0, 100, false, false)));
    }
}
