using System.Numerics;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Tests.Modules.Governance.GovChain;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>One whale against many small holders under the three voting rules.</summary>
public sealed class VotingRuleTests
{
    /// <summary>
    /// Alice (1,600 FSH locked) votes for; bob, carol and dave (300 each) vote against. Token-weighted: 1600 &gt; 900,
    /// the whale wins. Quadratic: √1600 = 40 &lt; 3·√300 ≈ 51.96. Capped at 25% of the 2,500 locked: 625 &lt; 900.
    /// </summary>
    [Theory]
    [InlineData(VotingRule.TokenWeighted, ProposalState.Succeeded)]
    [InlineData(VotingRule.Quadratic, ProposalState.Defeated)]
    [InlineData(VotingRule.Capped, ProposalState.Defeated)]
    public void AWhale_WinsOnlyUnderTokenWeightedVoting(VotingRule rule, ProposalState outcome)
    {
        var gov = new GovChain();
        gov.SetParams(GovParams.Default with { VotingRule = rule });
        gov.Ok(("issuer", new Fairshare.Core.Ledger.Transactions.TransferPayload(gov.Chain.Key("alice").Address, AssetId.Fsh, Fsh(700))));
        gov.Ok(("alice", new GovLockPayload(Fsh(1600))), ("bob", new GovLockPayload(Fsh(300))),
            ("carol", new GovLockPayload(Fsh(300))), ("dave", new GovLockPayload(Fsh(300))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)), ("bob", new GovVotePayload(id, 0)),
            ("carol", new GovVotePayload(id, 0)), ("dave", new GovVotePayload(id, 0)));
        gov.PastVoting(id);

        var proposal = gov.Proposal(id);
        var (whale, small) = rule switch
        {
            VotingRule.TokenWeighted => (Fsh(1600).ToBigInteger(), Fsh(300).ToBigInteger()),
            VotingRule.Quadratic => (Isqrt(Fsh(1600)), Isqrt(Fsh(300))),
            _ => (Fsh(625).ToBigInteger(), Fsh(300).ToBigInteger()),
        };
        Assert.Equal(whale, proposal.For.ToBigInteger());
        Assert.Equal(3 * small, proposal.Against.ToBigInteger());
        Assert.Equal(outcome, gov.State(id));
    }

    [Fact]
    public void TheQuorum_IsWeightedByTheSameRule()
    {
        var gov = new GovChain();
        gov.SetParams(GovParams.Default with { VotingRule = VotingRule.Quadratic });
        gov.Ok(("alice", new GovLockPayload(Fsh(400))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        var proposal = gov.Proposal(id);
        Assert.Equal(Isqrt(Fsh(400)), GovernanceModule.WeightedQuorum(gov.Chain.State, proposal));
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        gov.PastVoting(id);
        Assert.Equal(ProposalState.Succeeded, gov.State(id));
    }

    [Fact]
    public void Weights_AreIntegerMath()
    {
        Assert.Equal(new BigInteger(31), VoteWeights.Weight(VotingRule.Quadratic, 1000, 0));
        Assert.Equal(new BigInteger(250), VoteWeights.Weight(VotingRule.Capped, 1000, VoteWeights.Cap(2500, 1000)));
        Assert.Equal(new BigInteger(999), VoteWeights.Weight(VotingRule.Capped, 999, 1000));
        Assert.Equal(new BigInteger(1000), VoteWeights.Weight(VotingRule.TokenWeighted, 1000, 0));
    }

    private static BigInteger Isqrt(Amount value) => Fairshare.Core.Modules.Math.Checked.Sqrt(value.ToBigInteger());
}
