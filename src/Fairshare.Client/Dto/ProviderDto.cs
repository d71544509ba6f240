namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/market/offers</c>: a provider's offer, track record and stake. <paramref name="Status"/> says whether it
/// takes new slots (<c>available</c>, <c>full</c>, <c>jailed</c>, <c>no-heartbeat</c>, <c>self-bond-too-low</c>,
/// <c>deregistered</c>); amounts are base units as decimal strings.
/// </summary>
public sealed record ProviderDto(
    string Provider,
    bool Registered,
    string Status,
    string Device,
    uint MemoryMb,
    ulong BenchmarkScore,
    [property: BaseUnits] string PricePerWorkUnit,
    int Capacity,
    int OpenSlots,
    string Region,
    uint GramsCo2PerKwh,
    int RenewablePercent,
    string Hardware,
    uint ReputationPpm,
    ulong Verified,
    ulong Faults,
    ulong Missed,
    bool Jailed,
    ulong JailedUntil,
    ulong LastHeartbeat,
    [property: BaseUnits] string SelfBonded,
    [property: BaseUnits] string BondedTokens);
