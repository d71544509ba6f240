namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/staking/pools</c>: a provider's stake pool: bonded tokens and shares, the provider's own bond, the
/// commission in basis points (and a pending change), delegators, tokens unbonding and rewards not yet claimed
/// (base units as decimal strings).
/// </summary>
public sealed record StakePoolDto(
    string Provider,
    string Tokens,
    string Shares,
    string SelfBonded,
    int CommissionBps,
    int? PendingCommissionBps,
    ulong? PendingCommissionHeight,
    int Delegators,
    string Unbonding,
    string RewardsUnclaimed);
