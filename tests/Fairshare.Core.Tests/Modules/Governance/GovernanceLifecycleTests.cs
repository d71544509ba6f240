using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using static Fairshare.Core.Tests.Modules.Governance.GovChain;

namespace Fairshare.Core.Tests.Modules.Governance;

/// <summary>Proposals on a real chain: from lock to execution, and the ways they fail.</summary>
public sealed class GovernanceLifecycleTests
{
    [Fact]
    public void FullLifecycle_TurnsTheAmmFeeSwitchOn_AfterTheTimelock()
    {
        var gov = new GovChain();
        var state = gov.Chain.State;
        gov.Ok(("alice", new GovLockPayload(Fsh(300))), ("bob", new GovLockPayload(Fsh(200))));
        gov.Ok(("bob", new GovDelegatePayload(gov.Chain.Key("alice").Address)));
        Assert.Equal(Fsh(500), GovStore.CurrentVotes(state, gov.Chain.Key("alice").Address));
        Assert.Equal(Fsh(500), state.BalanceOf(GovStore.Escrow, AssetId.Fsh));

        uint id = gov.Propose("alice", FeeSwitchOn);
        Assert.Equal(ProposalState.Pending, gov.State(id));
        Assert.Equal(ResultCode.VotingClosed, gov.Fails("alice", new GovVotePayload(id, 1)));

        gov.ToVoting(id);
        Assert.Equal(ProposalState.Active, gov.State(id));
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        Assert.Equal(Fsh(500), gov.Proposal(id).For);
        Assert.Equal(ResultCode.AlreadyVoted, gov.Fails("alice", new GovVotePayload(id, 1)));
        Assert.Equal(ResultCode.ProposalNotSucceeded, gov.Fails("alice", new GovQueuePayload(id)));

        gov.PastVoting(id);
        Assert.Equal(ProposalState.Succeeded, gov.State(id));
        gov.Ok(("carol", new GovQueuePayload(id)));
        Assert.Equal(ProposalState.Queued, gov.State(id));
        Assert.Equal(gov.Chain.State.Head.TimestampMs / 1000 + GovParams.Default.TimelockDelaySeconds, gov.Proposal(id).Eta);

        Assert.Equal(ResultCode.TimelockNotSurpassed, gov.Fails("carol", new GovExecutePayload(id)));
        Assert.False(AmmPools.Params(state).ProtocolFeeOn);

        gov.AdvanceSeconds(GovParams.Default.TimelockDelaySeconds);
        gov.Ok(("carol", new GovExecutePayload(id)));
        Assert.True(AmmPools.Params(state).ProtocolFeeOn);
        Assert.Equal(ProposalState.Executed, gov.State(id));
        Assert.Equal(ResultCode.ProposalNotQueued, gov.Fails("carol", new GovExecutePayload(id)));
        Assert.Equal(ResultCode.CannotCancelExecuted, gov.Fails("alice", new GovCancelPayload(id)));
    }

    [Fact]
    public void AProposal_WithMoreAgainstThanFor_IsDefeated()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(500))), ("bob", new GovLockPayload(Fsh(600))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)), ("bob", new GovVotePayload(id, 0)));
        gov.PastVoting(id);
        Assert.Equal(ProposalState.Defeated, gov.State(id));
        Assert.Equal(ResultCode.ProposalNotSucceeded, gov.Fails("alice", new GovQueuePayload(id)));
    }

    [Fact]
    public void AProposal_BelowQuorum_IsDefeated_AndExactlyQuorumPasses()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(399))), ("bob", new GovLockPayload(Fsh(400))));
        uint below = gov.Propose("alice", FeeSwitchOn);
        uint exact = gov.Propose("bob", FeeSwitchOn);
        gov.ToVoting(exact);
        gov.Ok(("alice", new GovVotePayload(below, 1)), ("bob", new GovVotePayload(exact, 1)));
        gov.PastVoting(exact);
        Assert.Equal(ProposalState.Defeated, gov.State(below));
        Assert.Equal(ProposalState.Succeeded, gov.State(exact));
    }

    [Fact]
    public void AQueuedProposal_NotExecutedWithinTheGracePeriod_Expires()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(500))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        gov.PastVoting(id);
        gov.Ok(("alice", new GovQueuePayload(id)));
        gov.AdvanceSeconds(GovParams.Default.TimelockDelaySeconds + GovParams.Default.GracePeriodSeconds);
        Assert.Equal(ProposalState.Expired, gov.State(id));
        Assert.Equal(ResultCode.ProposalNotQueued, gov.Fails("alice", new GovExecutePayload(id)));
        Assert.False(AmmPools.Params(gov.Chain.State).ProtocolFeeOn);
    }

    [Fact]
    public void ExecutingOnTheLastSecondOfTheGracePeriod_Works()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(500))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        gov.PastVoting(id);
        gov.Ok(("alice", new GovQueuePayload(id)));
        ulong eta = gov.Proposal(id).Eta;
        // The next block lands one second later: eta + grace − 1, the last second the proposal is still Queued.
        gov.AdvanceSeconds(eta + GovParams.Default.GracePeriodSeconds - 2 - gov.Chain.State.Head.TimestampMs / 1000);
        Assert.Equal(ProposalState.Queued, gov.NextBlockState(id));
        gov.Ok(("alice", new GovExecutePayload(id)));
        Assert.True(AmmPools.Params(gov.Chain.State).ProtocolFeeOn);
    }

    [Fact]
    public void VotesLockedOrMovedAfterTheStartBlock_DoNotCount()
    {
        var gov = new GovChain();
        gov.SetParams(GovParams.Default with { VotingPeriod = 20 });
        gov.Ok(("alice", new GovLockPayload(Fsh(500))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        // Alice takes her FSH out, hands it to carol, who locks it and votes again with it: it must count for nothing.
        gov.Ok(("alice", new GovUnlockPayload(Fsh(500))));
        gov.Ok(("alice", new TransferPayload(gov.Chain.Key("carol").Address, AssetId.Fsh, Fsh(500))));
        gov.Ok(("carol", new GovLockPayload(Fsh(1400))), ("dave", new GovLockPayload(Fsh(800))));
        gov.Ok(("carol", new GovVotePayload(id, 0)), ("dave", new GovVotePayload(id, 0)));
        var proposal = gov.Proposal(id);
        Assert.Equal(Fsh(500), proposal.For);
        Assert.Equal(Amount.Zero, proposal.Against);
        Assert.Equal(Amount.Zero, GovStore.Receipt(gov.Chain.State, id, gov.Chain.Key("carol").Address)!.Votes);
        gov.PastVoting(id);
        Assert.Equal(ProposalState.Succeeded, gov.State(id));
    }

    [Fact]
    public void ProposeChecks_FollowGovernorBravo()
    {
        var gov = new GovChain();
        Assert.Equal(ResultCode.ProposerBelowThreshold, gov.Fails("alice", new GovProposePayload([FeeSwitchOn], "x")));
        gov.Ok(("alice", new GovLockPayload(Fsh(10))), ("bob", new GovLockPayload(Fsh(11))));
        Assert.Equal(ResultCode.ProposerBelowThreshold, gov.Fails("alice", new GovProposePayload([FeeSwitchOn], "exactly the threshold")));
        Assert.Equal(ResultCode.NoActions, gov.Fails("bob", new GovProposePayload([], "x")));
        Assert.Equal(ResultCode.TooManyActions, gov.Fails("bob", new GovProposePayload([.. Enumerable.Repeat(FeeSwitchOn, 11)], "x")));
        Assert.Equal(ResultCode.UnknownGovParameter, gov.Fails("bob", new GovProposePayload([new GovAction(ModuleIds.Amm, 99, Amount.One)], "x")));
        Assert.Equal(ResultCode.ParameterOutOfRange, gov.Fails("bob", new GovProposePayload([new GovAction(ModuleIds.Amm, 1, new Amount(2))], "x")));
        uint id = gov.Propose("bob", FeeSwitchOn);
        Assert.Equal(ResultCode.ProposerHasLiveProposal, gov.Fails("bob", new GovProposePayload([FeeSwitchOn], "pending")));
        gov.ToVoting(id);
        Assert.Equal(ResultCode.ProposerHasLiveProposal, gov.Fails("bob", new GovProposePayload([FeeSwitchOn], "active")));
        Assert.Equal(ResultCode.ProposalNotFound, gov.Fails("bob", new GovVotePayload(id + 1, 1)));
        Assert.Equal(ResultCode.InvalidVoteType, gov.Fails("bob", new GovVotePayload(id, 3)));
    }

    [Fact]
    public void Cancel_ByOthers_OnlyOnceTheProposerFallsBelowTheThreshold()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(100))));
        uint id = gov.Propose("alice", FeeSwitchOn);
        Assert.Equal(ResultCode.ProposerAboveThreshold, gov.Fails("bob", new GovCancelPayload(id)));
        gov.Ok(("alice", new GovUnlockPayload(Fsh(95))));
        gov.Ok(("bob", new GovCancelPayload(id)));
        Assert.Equal(ProposalState.Canceled, gov.State(id));
    }

    [Fact]
    public void UnlockAndDelegate_Checks()
    {
        var gov = new GovChain();
        Assert.Equal(ResultCode.ZeroAmount, gov.Fails("alice", new GovLockPayload(Amount.Zero)));
        Assert.Equal(ResultCode.InsufficientBalance, gov.Fails("alice", new GovLockPayload(Fsh(5000))));
        gov.Ok(("alice", new GovLockPayload(Fsh(100))));
        Assert.Equal(ResultCode.NotEnoughLocked, gov.Fails("alice", new GovUnlockPayload(Fsh(101))));
        Assert.Equal(ResultCode.InvalidValue, gov.Fails("alice", new GovDelegatePayload(GovStore.Escrow)));
        var bob = gov.Chain.Key("bob").Address;
        gov.Ok(("alice", new GovDelegatePayload(bob)));
        gov.Ok(("alice", new GovLockPayload(Fsh(50))));
        Assert.Equal(Fsh(150), GovStore.CurrentVotes(gov.Chain.State, bob));
        Assert.Equal(Amount.Zero, GovStore.CurrentVotes(gov.Chain.State, gov.Chain.Key("alice").Address));
        gov.Ok(("alice", new GovUnlockPayload(Fsh(150))));
        Assert.Equal(Amount.Zero, GovStore.CurrentVotes(gov.Chain.State, bob));
        Assert.Equal(Fsh(150), GovStore.VotesAt(gov.Chain.State, bob, gov.Height - 1));
    }

    [Fact]
    public void Governance_ChangesLedgerAndItsOwnParameters()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(500))));
        uint id = gov.Propose("alice",
            new GovAction(GovernableParameters.LedgerModule, 1, new Amount(500)),
            new GovAction(GovernableParameters.LedgerModule, 2, new Amount(7000)),
            new GovAction(ModuleIds.Governance, 7, new Amount((ulong)VotingRule.Quadratic)),
            new GovAction(ModuleIds.Governance, 2, new Amount(8)));
        Assert.Equal(VotingRule.TokenWeighted, gov.Proposal(id).Rule);
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        gov.PastVoting(id);
        gov.Ok(("alice", new GovQueuePayload(id)));
        gov.AdvanceSeconds(GovParams.Default.TimelockDelaySeconds);
        gov.Ok(("alice", new GovExecutePayload(id)));
        var state = gov.Chain.State;
        Assert.Equal(new Amount(500), state.Params.MinFee);
        Assert.Equal(7000, state.Params.FeeValidatorBps);
        Assert.Equal(VotingRule.Quadratic, GovStore.Params(state).VotingRule);
        Assert.Equal(8UL, GovStore.Params(state).VotingPeriod);
        uint next = gov.Propose("alice", FeeSwitchOn);
        Assert.Equal(VotingRule.Quadratic, gov.Proposal(next).Rule);
        Assert.Equal(gov.Proposal(next).StartBlock + 8, gov.Proposal(next).EndBlock);
    }

    [Fact]
    public void Governance_ChangesLendingAndStableSwapParameters_AndRefusesOutOfRangeOnes()
    {
        var gov = new GovChain();
        gov.Ok(("alice", new GovLockPayload(Fsh(500))));
        var sixtyPercent = new Amount(60) * new Amount(10_000_000_000_000_000);
        // A collateral factor above Compound's 90% maximum is refused when proposed.
        var tooHigh = new GovAction(ModuleIds.Lending, 1, new Amount(95) * new Amount(10_000_000_000_000_000));
        Assert.Equal(ResultCode.ParameterOutOfRange, GovernableParameters.Validate(tooHigh));
        uint id = gov.Propose("alice", new GovAction(ModuleIds.Lending, 1, sixtyPercent), new GovAction(ModuleIds.Lending, 5, new Amount(30)),
            new GovAction(ModuleIds.StableSwap, 1, new Amount(250)));
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        gov.PastVoting(id);
        gov.Ok(("alice", new GovQueuePayload(id)));
        gov.AdvanceSeconds(GovParams.Default.TimelockDelaySeconds);
        gov.Ok(("alice", new GovExecutePayload(id)));
        var lending = Fairshare.Core.Modules.Lending.LendingMarkets.Params(gov.Chain.State);
        Assert.Equal(sixtyPercent.ToBigInteger(), lending.CollateralFactor);
        Assert.Equal(30U, lending.FlashLoanFeeBps);
        Assert.Equal(250U, Fairshare.Core.Modules.StableSwap.StablePools.Params(gov.Chain.State).A);
    }

    [Fact]
    public void AFailingExecution_RollsTheLedgerParametersBack()
    {
        var gov = new GovChain();
        var before = gov.Chain.State.Params;
        gov.Ok(("alice", new GovLockPayload(Fsh(500))));
        uint id = gov.Propose("alice", new GovAction(GovernableParameters.LedgerModule, 2, new Amount(1)));
        gov.ToVoting(id);
        gov.Ok(("alice", new GovVotePayload(id, 1)));
        gov.PastVoting(id);
        gov.Ok(("alice", new GovQueuePayload(id)));
        gov.AdvanceSeconds(GovParams.Default.TimelockDelaySeconds);
        // An execution in a batch whose next step fails reverts with it: the parameters are as before, still queued.
        var batch = new BatchPayload([new GovExecutePayload(id), new GovUnlockPayload(Fsh(501))]);
        var produced = gov.Chain.Produce(gov.Chain.Sign("alice", batch));
        Assert.Equal(ResultCode.NotEnoughLocked, Assert.Single(produced.Rejected).Code);
        Assert.Equal(before, gov.Chain.State.Params);
        Assert.Equal(ProposalState.Queued, gov.State(id));
    }
}
