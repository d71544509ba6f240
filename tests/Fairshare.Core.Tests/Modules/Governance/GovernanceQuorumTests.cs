using System.Numerics;
using Fairshare.Core.Primitives;
using Fairshare.Core.Modules.Governance;
using static Fairshare.Core.Tests.Modules.Governance.GovChain;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>
/// GovernorBravo's quorum counts votes <em>for</em> only (defi-math.md §8.1:
/// <c>forVotes &lt;= againstVotes || forVotes &lt; quorumVotes</c> is Defeated). Votes against never help a proposal
/// reach quorum: the cases put For one short of the quorum with enough Against that For + Against reaches it while
/// For still beats Against.
/// </summary>
public sealed class GovernanceQuorumTests
{
    /// <summary>The contract's <c>quorumVotes</c>: 400,000e18.</summary>
    private static readonly BigInteger Q = 400_000 * BigInteger.Pow(10, 18);

    private static ProposalState After(BigInteger forVotes, BigInteger againstVotes) =>
        GovernorBravo.State(new ProposalSnapshot(7, false, false, 100, 200, forVotes, againstVotes, 0), 9, 3, 201, 0, Q, GovernorBravo.GracePeriod);

    public static TheoryData<string, string, ProposalState> Cases => new()
    {
        // For one short of quorum: defeated however many vote against, even when For + Against reaches the quorum
        // exactly (Q − 1 + 1) or far beyond it while For still leads.
        { "Q-1", "1", ProposalState.Defeated },
        { "Q-1", "Q-2", ProposalState.Defeated },
        { "Q-1", "0", ProposalState.Defeated },
        { "Q-1", "10Q", ProposalState.Defeated },
        { "1", "Q-1", ProposalState.Defeated },
        // For at the quorum and ahead of Against: succeeds, with or without votes against.
        { "Q", "0", ProposalState.Succeeded },
        { "Q", "1", ProposalState.Succeeded },
        { "Q", "Q-1", ProposalState.Succeeded },
        { "Q+1", "Q", ProposalState.Succeeded },
        // For at the quorum but not ahead: defeated.
        { "Q", "Q", ProposalState.Defeated },
    };

    private static BigInteger Parse(string votes) => votes switch
    {
        "0" => 0,
        "1" => 1,
        "Q" => Q,
        "Q-1" => Q - 1,
        "Q-2" => Q - 2,
        "Q+1" => Q + 1,
        "10Q" => 10 * Q,
        _ => throw new ArgumentException(votes),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void State_CountsOnlyVotesFor_TowardTheQuorum(string forVotes, string againstVotes, ProposalState expected) =>
        Assert.Equal(expected, After(Parse(forVotes), Parse(againstVotes)));

    [Fact]
    public void OnChain_ForOneShortOfQuorum_IsDefeated_EvenWhenAgainstVotesMakeUpTheDifference()
    {
        // Default quorum: 400 FSH for. P1: 399 for, 1 against (For + Against = 400, For ahead) → Defeated.
        // P2: 400 for, 399 against → Succeeded.
        var gov = new GovChain();
        Assert.Equal(Fsh(400), GovParams.Default.QuorumVotes);
        gov.Ok(("alice", new GovLockPayload(Fsh(399))), ("bob", new GovLockPayload(Fsh(400))),
            ("carol", new GovLockPayload(Fsh(399))), ("dave", new GovLockPayload(Fsh(1))));
        uint shortOfQuorum = gov.Propose("alice", FeeSwitchOn);
        uint atQuorum = gov.Propose("bob", FeeSwitchOn);
        gov.ToVoting(atQuorum);
        gov.Ok(("alice", new GovVotePayload(shortOfQuorum, 1)), ("dave", new GovVotePayload(shortOfQuorum, 0)),
            ("bob", new GovVotePayload(atQuorum, 1)), ("carol", new GovVotePayload(atQuorum, 0)));
        Assert.Equal((Fsh(399), Fsh(1)), (gov.Proposal(shortOfQuorum).For, gov.Proposal(shortOfQuorum).Against));
        Assert.Equal((Fsh(400), Fsh(399)), (gov.Proposal(atQuorum).For, gov.Proposal(atQuorum).Against));
        gov.PastVoting(atQuorum);
        Assert.Equal(ProposalState.Defeated, gov.State(shortOfQuorum));
        Assert.Equal(ProposalState.Succeeded, gov.State(atQuorum));
        Assert.Equal(ResultCode.ProposalNotSucceeded, gov.Fails("carol", new GovQueuePayload(shortOfQuorum)));
        gov.Ok(("carol", new GovQueuePayload(atQuorum)));
    }
}
