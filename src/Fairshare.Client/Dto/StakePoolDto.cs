namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/staking/pools</c>: a provider's stake pool: bonded tokens and shares, the provider's own bond, the
/// commission in basis points (and a pending change), delegators, tokens unbonding and rewards not yet claimed
/// (base units as decimal strings).
/// </summary>
public sealed record StakePoolDto(
    string Provider,
    [property: BaseUnits] string Tokens,
    [property: DecimalInteger("The pool's shares, in share base units (they start 1:1 with FSH base units; slashing lowers tokens, not shares), as decimal digits.")] string Shares,
    [property: BaseUnits] string SelfBonded,
    int CommissionBps,
    int? PendingCommissionBps,
    ulong? PendingCommissionHeight,
    int Delegators,
    [property: BaseUnits] string Unbonding,
    [property: BaseUnits] string RewardsUnclaimed);
