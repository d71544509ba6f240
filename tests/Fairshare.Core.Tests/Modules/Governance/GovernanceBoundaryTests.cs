using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>
/// Governance at its edges, from defi-math.md §8 (GovernorBravo and Timelock) and docs/modules/governance.md: the
/// spec's constants and inclusive bounds, votes taken at the previous block (a lock in the proposing or cancelling block
/// counts for nothing), the proposer's own cancel, Compound's one-checkpoint-per-block and its binary search checked
/// against a linear scan, a delegation of nothing that writes no checkpoint but is remembered, and the description limit.
/// </summary>
public sealed class GovernanceBoundaryTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    private static string Revert(Action action) => Assert.Throws<RevertException>(action).Error;

    [Fact]
    public void TheSpecsConstants()
    {
        Assert.Equal(400_000 * E18, GovernorBravo.QuorumVotes);
        Assert.Equal((1_000 * E18, 100_000 * E18), (GovernorBravo.MinProposalThreshold, GovernorBravo.MaxProposalThreshold));
        Assert.Equal((5_760, 80_640), ((int)GovernorBravo.MinVotingPeriod, (int)GovernorBravo.MaxVotingPeriod));
        Assert.Equal((1, 40_320), ((int)GovernorBravo.MinVotingDelay, (int)GovernorBravo.MaxVotingDelay));
        Assert.Equal(10, (int)GovernorBravo.ProposalMaxOperations);
        Assert.Equal((1_209_600, 172_800, 2_592_000), ((int)GovernorBravo.GracePeriod, (int)GovernorBravo.MinimumDelay, (int)GovernorBravo.MaximumDelay));
    }

    [Fact]
    public void ValidateParams_AcceptsEachBoundAndRefusesOnePast_InTheSpecsOrder()
    {
        GovernorBravo.ValidateParams(5_760, 1, 1_000 * E18);
        GovernorBravo.ValidateParams(80_640, 40_320, 100_000 * E18);
        Assert.Equal("INVALID_VOTING_PERIOD", Revert(() => GovernorBravo.ValidateParams(5_759, 1, 1_000 * E18)));
        Assert.Equal("INVALID_VOTING_PERIOD", Revert(() => GovernorBravo.ValidateParams(80_641, 1, 1_000 * E18)));
        Assert.Equal("INVALID_VOTING_DELAY", Revert(() => GovernorBravo.ValidateParams(5_760, 0, 1_000 * E18)));
        Assert.Equal("INVALID_VOTING_DELAY", Revert(() => GovernorBravo.ValidateParams(5_760, 40_321, 1_000 * E18)));
        Assert.Equal("INVALID_PROPOSAL_THRESHOLD", Revert(() => GovernorBravo.ValidateParams(5_760, 1, 1_000 * E18 - 1)));
        Assert.Equal("INVALID_PROPOSAL_THRESHOLD", Revert(() => GovernorBravo.ValidateParams(5_760, 1, 100_000 * E18 + 1)));
        // Period first, then delay, then threshold.
        Assert.Equal("INVALID_VOTING_PERIOD", Revert(() => GovernorBravo.ValidateParams(0, 0, 0)));
        Assert.Equal("INVALID_VOTING_DELAY", Revert(() => GovernorBravo.ValidateParams(5_760, 0, 0)));
    }

    [Fact]
    public void Propose_TakesExactlyTenActions_AndExecuteOpensAtEtaAndClosesAfterTheGracePeriod()
    {
        Assert.Equal(new ProposalWindow(11, 16), GovernorBravo.Propose(1, 2, 1, false, 10, null, 10, 1, 5));
        Assert.Equal("TOO_MANY_ACTIONS", Revert(() => GovernorBravo.Propose(1, 2, 1, false, 11, null, 10, 1, 5)));

        GovernorBravo.ExecuteCheck(ProposalState.Queued, 1_000, 1_000, 100);
        GovernorBravo.ExecuteCheck(ProposalState.Queued, 1_000, 1_100, 100);
        Assert.Equal("TIMELOCK_NOT_SURPASSED", Revert(() => GovernorBravo.ExecuteCheck(ProposalState.Queued, 1_000, 999, 100)));
        Assert.Equal("TIMELOCK_STALE", Revert(() => GovernorBravo.ExecuteCheck(ProposalState.Queued, 1_000, 1_101, 100)));
    }

    [Fact]
    public void Cancel_ByItsProposer_NeedsNoVotesBelowTheThreshold_ByAnyoneElse_ItDoes()
    {
        GovernorBravo.Cancel(ProposalState.Active, senderIsProposer: true, 500, 10, proposerWhitelisted: false, senderIsWhitelistGuardian: false);
        GovernorBravo.Cancel(ProposalState.Active, senderIsProposer: false, 9, 10, proposerWhitelisted: false, senderIsWhitelistGuardian: false);
        Assert.Equal("PROPOSER_ABOVE_THRESHOLD", Revert(() => GovernorBravo.Cancel(ProposalState.Active, false, 10, 10, false, false)));
        Assert.Equal("WHITELISTED_PROPOSER", Revert(() => GovernorBravo.Cancel(ProposalState.Active, false, 9, 10, true, false)));
        Assert.Equal("CANNOT_CANCEL_EXECUTED", Revert(() => GovernorBravo.Cancel(ProposalState.Executed, true, 500, 10, false, false)));
    }

    [Fact]
    public void AProposalsVotes_AreThoseOfThePreviousBlock_SoALockInTheProposingBlockCountsForNothing()
    {
        var gov = new GovChain();
        var alice = gov.Chain.Key("alice").Address;
        ulong nonce = gov.Chain.State.Find(alice)!.Nonce;

        var produced = gov.Chain.Produce(
            gov.Chain.Sign("alice", new GovLockPayload(GovChain.Fsh(100)), nonce),
            gov.Chain.Sign("alice", new GovProposePayload([GovChain.FeeSwitchOn], "same block"), nonce + 1));

        Assert.Equal(ResultCode.ProposerBelowThreshold, Assert.Single(produced.Rejected).Code);
        gov.Advance(1);
        Assert.Equal(1u, gov.Propose("alice", GovChain.FeeSwitchOn));
    }

    [Fact]
    public void AnotherMayCancel_OnlyOnceTheProposersVotesAtThePreviousBlockAreBelowTheThreshold_AndTheProposerAlways()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(GovChain.Fsh(100))), ("carol", new GovLockPayload(GovChain.Fsh(100))));
        gov.Advance(1);
        uint first = gov.Propose("alice", GovChain.FeeSwitchOn);
        uint second = gov.Propose("carol", GovChain.FeeSwitchOn);
        var alice = gov.Chain.Key("alice").Address;
        ulong nonce = gov.Chain.State.Find(alice)!.Nonce;

        // Alice unlocks everything and Bob cancels in the same block: at the previous block she still held 100 FSH.
        var sameBlock = gov.Chain.Produce(
            gov.Chain.Sign("alice", new GovUnlockPayload(GovChain.Fsh(100)), nonce),
            gov.Chain.Sign("bob", new GovCancelPayload(first)));
        Assert.Equal(ResultCode.ProposerAboveThreshold, Assert.Single(sameBlock.Rejected).Code);

        gov.Ok(("bob", new GovCancelPayload(first)));
        gov.Ok(("carol", new GovCancelPayload(second)));

        Assert.True(gov.Proposal(first).Canceled);
        Assert.True(gov.Proposal(second).Canceled);
        Assert.Equal(ProposalState.Canceled, gov.State(second));
    }

    [Fact]
    public void ADescriptionOfExactlyTheLimit_IsTaken_AndOneByteMoreIsRefused()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(GovChain.Fsh(100))));
        gov.Advance(1);

        Assert.Equal(ResultCode.LengthTooLarge, gov.Fails("alice", new GovProposePayload([GovChain.FeeSwitchOn], new string('d', 257))));
        gov.Ok(("alice", new GovProposePayload([GovChain.FeeSwitchOn], new string('d', 256))));
    }

    [Fact]
    public void DelegatingWithNothingLocked_WritesNoCheckpoint_ButIsRemembered()
    {
        var gov = new GovChain();
        var (bob, carol) = (gov.Chain.Key("bob").Address, gov.Chain.Key("carol").Address);

        gov.Ok(("bob", new GovDelegatePayload(carol)));

        Assert.Equal(new VoterLock(Amount.Zero, carol), GovStore.Lock(gov.Chain.State, bob));
        Assert.Equal((0u, 0u), (GovStore.CheckpointCount(gov.Chain.State, bob), GovStore.CheckpointCount(gov.Chain.State, carol)));

        // Votes locked later follow the delegation; delegating again to the same account moves nothing (no new
        // checkpoint in a later block).
        gov.Ok(("bob", new GovLockPayload(GovChain.Fsh(7))));
        Assert.Equal(GovChain.Fsh(7), GovStore.CurrentVotes(gov.Chain.State, carol));
        Assert.Equal(Amount.Zero, GovStore.CurrentVotes(gov.Chain.State, bob));
        gov.Ok(("bob", new GovDelegatePayload(carol)));
        Assert.Equal(1u, GovStore.CheckpointCount(gov.Chain.State, carol));

        // A lock back to the default (nothing locked, self-delegated) is no record at all: table (4, 2, account) in
        // docs/modules/governance.md.
        Assert.NotNull(gov.Chain.State.ReadRecord(StateKey.Of(ModuleIds.Governance, 2, bob)));
        gov.Ok(("bob", new GovUnlockPayload(GovChain.Fsh(7))), ("dave", new GovLockPayload(GovChain.Fsh(1))));
        gov.Ok(("bob", new GovDelegatePayload(bob)));
        Assert.Null(gov.Chain.State.ReadRecord(StateKey.Of(ModuleIds.Governance, 2, bob)));

        // The lock sits in the documented escrow, Address.ForModule("gov/escrow") (docs/modules/governance.md).
        Assert.Equal(GovChain.Fsh(1), gov.Chain.State.Find(Address.ForModule("gov/escrow"))!.BalanceOf(AssetId.Fsh));
    }

    [Fact]
    public void VotesAt_MatchesALinearScanOfTheCheckpoints_AndOneBlockKeepsOneCheckpoint()
    {
        var state = TestChain.Create().State;
        var who = Address.ForModule("checkpoints");
        ulong[] blocks = [10, 20, 30, 40, 50, 60, 70];
        for (int i = 0; i < blocks.Length; i++) GovStore.WriteCheckpoint(state, who, blocks[i], new Amount((ulong)(i + 1) * 100));
        // A second change in block 70 replaces its checkpoint (Compound's _writeCheckpoint).
        GovStore.WriteCheckpoint(state, who, 70, new Amount(777));

        Assert.Equal((uint)blocks.Length, GovStore.CheckpointCount(state, who));
        for (ulong block = 0; block <= 80; block++)
        {
            // The oracle: the votes of the last checkpoint at or before the block, 0 before the first.
            ulong expected = 0;
            for (int i = 0; i < blocks.Length; i++)
            {
                if (blocks[i] <= block) expected = blocks[i] == 70 ? 777 : (ulong)(i + 1) * 100;
            }

            Assert.True(new Amount(expected) == GovStore.VotesAt(state, who, block), $"votes at block {block}: expected {expected}, got {GovStore.VotesAt(state, who, block)}");
        }
    }

    [Fact]
    public void ProposePayloads_AreEqualOnlyWithTheSameActionsAndDescription_AndNeverToNull()
    {
        var payload = new GovProposePayload([GovChain.FeeSwitchOn], "x");

        Assert.Equal(payload, new GovProposePayload([GovChain.FeeSwitchOn], "x"));
        Assert.NotEqual(payload, new GovProposePayload([GovChain.FeeSwitchOn], "y"));
        Assert.NotEqual(payload, new GovProposePayload([new GovAction(ModuleIds.Amm, 2, Amount.One)], "x"));
        Assert.False(payload.Equals(null));
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(GovChain.Fsh(100))));
        gov.Advance(1);
        var proposal = gov.Proposal(gov.Propose("alice", GovChain.FeeSwitchOn));
        Assert.False(proposal.Equals(null));
        Assert.NotEqual(proposal, proposal with { Canceled = true });
    }
}
