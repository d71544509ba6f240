namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/governance/proposals</c>: a proposal as a transaction in the next block would see it. <paramref name="State"/>
/// is a <c>ProposalState</c> name; <paramref name="Rule"/> is <c>token-weighted</c>, <c>quadratic</c> or <c>capped</c>;
/// tallies and quorum are decimal strings of the rule's weights.
/// </summary>
public sealed record ProposalDto(
    uint Id,
    string State,
    string Proposer,
    string Description,
    string Rule,
    int CapBps,
    ulong StartBlock,
    ulong EndBlock,
    [property: BaseUnits] string For,
    [property: BaseUnits] string Against,
    [property: BaseUnits] string Abstain,
    [property: BaseUnits] string Quorum,
    ulong Eta,
    IReadOnlyList<GovActionDto> Actions);
