using Fairshare.Core.Modules.Governance;
using static Fairshare.Conformance.VectorInputs;

namespace Fairshare.Conformance.Operations;

/// <summary>The <c>governor_bravo</c> operations of defi-math.md §8.</summary>
public sealed class GovernorBravoOperations : VectorFamily
{
    /// <inheritdoc/>
    public override string Primitive => "governor_bravo";

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; } =
        new Dictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>>
        {
            ["state"] = v =>
            {
                var proposal = new ProposalSnapshot(v.Uint("proposal_id"), v.Flag("canceled"), v.Flag("executed"), v.Uint("start_block"),
                    v.Uint("end_block"), v.Uint("for_votes"), v.Uint("against_votes"), v.Uint("eta"));
                var state = GovernorBravo.State(proposal, v.Uint("proposal_count"), v.Uint("initial_proposal_id"), v.Uint("block_number"),
                    v.Uint("block_timestamp"), v.Uint("quorum_votes"), v.Uint("grace_period"));
                return [new("state", state.ToString()), new("state_code", Out((int)state))];
            },
            ["propose"] = v =>
            {
                var latest = v.Int("latest_proposal_state_code") == -1 ? (ProposalState?)null : StateInput(v, "latest_proposal_state_code");
                var w = GovernorBravo.Propose(v.Uint("initial_proposal_id"), v.Uint("prior_votes"), v.Uint("proposal_threshold"), v.Flag("whitelisted"),
                    v.Uint("num_actions"), latest, v.Uint("block_number"), v.Uint("voting_delay"), v.Uint("voting_period"));
                return [new("start_block", Out(w.StartBlock)), new("end_block", Out(w.EndBlock))];
            },
            ["cast_vote"] = v =>
            {
                var votes = v.Uint("votes");
                var t = GovernorBravo.CastVote(StateInput(v, "state_code"), v.Uint("support"), v.Flag("has_voted"), votes,
                    new VoteTally(v.Uint("for_votes"), v.Uint("against_votes"), v.Uint("abstain_votes")));
                return [new("for_votes", Out(t.For)), new("against_votes", Out(t.Against)), new("abstain_votes", Out(t.Abstain)), new("votes", Out(votes))];
            },
            ["validate_params"] = v =>
            {
                GovernorBravo.ValidateParams(v.Uint("voting_period"), v.Uint("voting_delay"), v.Uint("proposal_threshold"));
                return [new("ok", Out(true))];
            },
            ["queue"] = v => [new("eta", Out(GovernorBravo.Queue(StateInput(v, "state_code"), v.Uint("block_timestamp"), v.Uint("timelock_delay"))))],
            ["execute_check"] = v =>
            {
                GovernorBravo.ExecuteCheck(StateInput(v, "state_code"), v.Uint("eta"), v.Uint("block_timestamp"), v.Uint("grace_period"));
                return [new("ok", Out(true))];
            },
            ["cancel"] = v =>
            {
                GovernorBravo.Cancel(StateInput(v, "state_code"), v.Flag("sender_is_proposer"), v.Uint("proposer_prior_votes"),
                    v.Uint("proposal_threshold"), v.Flag("proposer_whitelisted"), v.Flag("sender_is_whitelist_guardian"));
                return [new("canceled", Out(true))];
            },
        };

    /// <summary>A proposal state given by its enumeration code (0..7).</summary>
    private static ProposalState StateInput(VectorCase vector, string name)
    {
        var code = vector.Int(name);
        return code >= 0 && code <= (int)ProposalState.Executed
            ? (ProposalState)(int)code
            : throw new VectorFileException($"{vector.Id}: input '{name}' = '{code}' is not a proposal state code");
    }
}
