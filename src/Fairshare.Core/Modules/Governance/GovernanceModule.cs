using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// Governance's transaction handlers: FSH locked in an escrow gives votes, delegated with Compound-style checkpoints;
/// proposals of parameter changes follow GovernorBravo's state machine (<see cref="GovernorBravo"/>) and run through a
/// timelock. Block numbers are ledger heights and timestamps are block times in seconds. Every change is journaled, so a
/// failing step leaves nothing behind.
/// </summary>
public static class GovernanceModule
{
    /// <summary>The most actions in one proposal (GovernorBravo's <c>proposalMaxOperations</c>).</summary>
    public const int MaxActions = 10;

    /// <summary>
    /// GovernorBravo's <c>initialProposalId</c> as its activity flag: the ledger's governor is initiated at genesis,
    /// with no predecessor's proposals, so ids start at 1 and <see cref="GovernorBravo.State"/> gets 0 as the lower bound.
    /// </summary>
    private static readonly BigInteger GovernorInitiated = BigInteger.One;

    /// <summary>Moves FSH from the sender into the escrow and adds it to the sender's delegatee's votes.</summary>
    public static ResultCode Lock(TxContext context, Amount amount)
    {
        if (amount.IsZero) return ResultCode.ZeroAmount;
        var (state, sender) = (context.State, context.Sender.Address);
        var code = context.Move(sender, GovStore.Escrow, AssetId.Fsh, amount, FlowTag.Transfer);
        if (code != ResultCode.Ok) return code;
        var voterLock = GovStore.Lock(state, sender);
        GovStore.PutLock(state, sender, voterLock with { Locked = voterLock.Locked + amount });
        AddVotes(state, voterLock.Delegatee, context.Height, amount);
        AddVotes(state, GovStore.Escrow, context.Height, amount);
        return ResultCode.Ok;
    }

    /// <summary>Moves locked FSH back to the sender and takes it off its delegatee's votes.</summary>
    public static ResultCode Unlock(TxContext context, Amount amount)
    {
        if (amount.IsZero) return ResultCode.ZeroAmount;
        var (state, sender) = (context.State, context.Sender.Address);
        var voterLock = GovStore.Lock(state, sender);
        if (voterLock.Locked < amount) return ResultCode.NotEnoughLocked;
        var code = context.Move(GovStore.Escrow, sender, AssetId.Fsh, amount, FlowTag.Transfer);
        if (code != ResultCode.Ok) return code;
        GovStore.PutLock(state, sender, voterLock with { Locked = voterLock.Locked - amount });
        SubtractVotes(state, voterLock.Delegatee, context.Height, amount);
        SubtractVotes(state, GovStore.Escrow, context.Height, amount);
        return ResultCode.Ok;
    }

    /// <summary>Delegates the sender's locked votes, now and future, to <paramref name="delegatee"/> (Compound's <c>_delegate</c>).</summary>
    public static ResultCode Delegate(TxContext context, Address delegatee)
    {
        var (state, sender) = (context.State, context.Sender.Address);
        if (delegatee == GovStore.Escrow) return ResultCode.InvalidValue;
        var voterLock = GovStore.Lock(state, sender);
        GovStore.PutLock(state, sender, voterLock with { Delegatee = delegatee });
        if (voterLock.Delegatee != delegatee && !voterLock.Locked.IsZero)
        {
            SubtractVotes(state, voterLock.Delegatee, context.Height, voterLock.Locked);
            AddVotes(state, delegatee, context.Height, voterLock.Locked);
        }

        return ResultCode.Ok;
    }

    /// <summary>
    /// GovernorBravo <c>propose</c>: the sender's votes at the previous block must exceed the threshold, with 1 to 10
    /// actions and no live proposal of its own; every action must name a governable parameter with a value in range.
    /// The proposal keeps the voting rule, cap and quorum in force now.
    /// </summary>
    public static ResultCode Propose(TxContext context, ImmutableArray<GovAction> actions, string description)
    {
        var (state, sender, height) = (context.State, context.Sender.Address, context.Height);
        if (System.Text.Encoding.UTF8.GetByteCount(description) > Proposal.MaxDescriptionBytes) return ResultCode.LengthTooLarge;
        var parameters = GovStore.Params(state);
        ProposalState? latest = GovStore.LatestProposalId(state, sender) is { } latestId
            ? StateOf(state, GovStore.Proposal(state, latestId)!, height, context.TimestampSeconds)
            : null;
        var priorVotes = GovStore.VotesAt(state, sender, height - 1);
        var window = GovernorBravo.Propose(GovernorInitiated, priorVotes.ToBigInteger(), parameters.ProposalThreshold.ToBigInteger(),
            whitelisted: false, actions.Length, latest, height, parameters.VotingDelay, parameters.VotingPeriod);
        foreach (var action in actions)
        {
            var code = GovernableParameters.Validate(action);
            if (code != ResultCode.Ok) return code;
        }

        uint id = GovStore.NextProposalId(state, sender);
        GovStore.PutProposal(state, new Proposal(
            id, sender, (ulong)window.StartBlock, (ulong)window.EndBlock, 0, Amount.Zero, Amount.Zero, Amount.Zero, false, false,
            parameters.VotingRule, parameters.CapBps, parameters.QuorumVotes, actions, description));
        return ResultCode.Ok;
    }

    /// <summary>
    /// GovernorBravo <c>castVote</c>: while the proposal is active, adds the sender's votes at the start block, weighted
    /// by the proposal's rule, to against (0), for (1) or abstain (2); once per voter.
    /// </summary>
    public static ResultCode Vote(TxContext context, uint proposalId, byte support)
    {
        var (state, voter) = (context.State, context.Sender.Address);
        var proposal = GovStore.Proposal(state, proposalId);
        if (proposal is null) return ResultCode.ProposalNotFound;
        var current = StateOf(state, proposal, context.Height, context.TimestampSeconds);
        var votes = WeightedVotes(state, proposal, voter);
        var tally = GovernorBravo.CastVote(current, support, GovStore.Receipt(state, proposalId, voter) is not null, votes,
            new VoteTally(proposal.For.ToBigInteger(), proposal.Against.ToBigInteger(), proposal.Abstain.ToBigInteger()));
        GovStore.PutProposal(state, proposal with
        {
            For = ToAmount(tally.For),
            Against = ToAmount(tally.Against),
            Abstain = ToAmount(tally.Abstain),
        });
        GovStore.PutReceipt(state, proposalId, voter, new VoteReceipt(support, ToAmount(votes)));
        return ResultCode.Ok;
    }

    /// <summary>GovernorBravo <c>queue</c>: a succeeded proposal gets <c>eta = now + timelock delay</c>.</summary>
    public static ResultCode Queue(TxContext context, uint proposalId)
    {
        var state = context.State;
        var proposal = GovStore.Proposal(state, proposalId);
        if (proposal is null) return ResultCode.ProposalNotFound;
        var current = StateOf(state, proposal, context.Height, context.TimestampSeconds);
        var eta = GovernorBravo.Queue(current, context.TimestampSeconds, GovStore.Params(state).TimelockDelaySeconds);
        GovStore.PutProposal(state, proposal with { Eta = (ulong)eta });
        return ResultCode.Ok;
    }

    /// <summary>
    /// GovernorBravo <c>execute</c> with the Timelock's checks: a queued proposal whose eta has come and whose grace
    /// period has not passed applies its actions in order, each range-checked again.
    /// </summary>
    public static ResultCode Execute(TxContext context, uint proposalId)
    {
        var state = context.State;
        var proposal = GovStore.Proposal(state, proposalId);
        if (proposal is null) return ResultCode.ProposalNotFound;
        var current = StateOf(state, proposal, context.Height, context.TimestampSeconds);
        GovernorBravo.ExecuteCheck(current, proposal.Eta, context.TimestampSeconds, GovStore.Params(state).GracePeriodSeconds);
        GovStore.PutProposal(state, proposal with { Executed = true });
        foreach (var action in proposal.Actions)
        {
            var code = GovernableParameters.Apply(state, action);
            if (code != ResultCode.Ok) return code;
        }

        return ResultCode.Ok;
    }

    /// <summary>
    /// GovernorBravo <c>cancel</c>: the proposer may cancel anything not executed; anyone else only once the proposer's
    /// votes at the previous block are below the threshold. The ledger has no whitelist.
    /// </summary>
    public static ResultCode Cancel(TxContext context, uint proposalId)
    {
        var (state, sender) = (context.State, context.Sender.Address);
        var proposal = GovStore.Proposal(state, proposalId);
        if (proposal is null) return ResultCode.ProposalNotFound;
        var current = StateOf(state, proposal, context.Height, context.TimestampSeconds);
        var proposerVotes = GovStore.VotesAt(state, proposal.Proposer, context.Height - 1);
        GovernorBravo.Cancel(current, sender == proposal.Proposer, proposerVotes.ToBigInteger(),
            GovStore.Params(state).ProposalThreshold.ToBigInteger(), proposerWhitelisted: false, senderIsWhitelistGuardian: false);
        GovStore.PutProposal(state, proposal with { Canceled = true });
        return ResultCode.Ok;
    }

    /// <summary>The proposal's state at a block height and time (GovernorBravo <c>state</c>, with the weighted quorum).</summary>
    public static ProposalState StateOf(LedgerState state, Proposal proposal, ulong height, ulong timestampSeconds) =>
        GovernorBravo.State(proposal.Snapshot(), GovStore.ProposalCount(state), BigInteger.Zero, height, timestampSeconds,
            WeightedQuorum(state, proposal), GovStore.Params(state).GracePeriodSeconds);

    /// <summary>
    /// The quorum under the proposal's rule: the weight a single holder of the quorum would cast (the quorum itself,
    /// its square root, or the smaller of it and the cap), compared with tallies weighted the same way.
    /// </summary>
    public static BigInteger WeightedQuorum(LedgerState state, Proposal proposal) =>
        VoteWeights.Weight(proposal.Rule, proposal.QuorumVotes.ToBigInteger(), Cap(state, proposal));

    /// <summary>The voter's weight on a proposal: its votes at the start block under the proposal's rule.</summary>
    public static BigInteger WeightedVotes(LedgerState state, Proposal proposal, Address voter) =>
        VoteWeights.Weight(proposal.Rule, GovStore.VotesAt(state, voter, proposal.StartBlock).ToBigInteger(), Cap(state, proposal));

    /// <summary>The capped rule's cap for a proposal: its share of all votes locked at the start block.</summary>
    private static BigInteger Cap(LedgerState state, Proposal proposal) =>
        VoteWeights.Cap(proposal.CapBps, GovStore.VotesAt(state, GovStore.Escrow, proposal.StartBlock).ToBigInteger());

    /// <summary>A tally that the math kept within uint256.</summary>
    private static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new InvalidOperationException("a vote tally left uint256");

    private static void AddVotes(LedgerState state, Address account, ulong height, in Amount amount) =>
        GovStore.WriteCheckpoint(state, account, height, GovStore.CurrentVotes(state, account) + amount);

    private static void SubtractVotes(LedgerState state, Address account, ulong height, in Amount amount) =>
        GovStore.WriteCheckpoint(state, account, height, GovStore.CurrentVotes(state, account) - amount);
}
