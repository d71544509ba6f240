namespace Fairshare.Client.Dto;

/// <summary>
/// <c>GET /v1/market/jobs</c> and <c>/v1/market/jobs/{id}</c>: a compute job, its spec, escrow books (base units as
/// decimal strings), accepted output and slots. <paramref name="State"/> is a <c>JobState</c> name (<c>Open</c>,
/// <c>Running</c>, <c>Disputed</c>, <c>Settled</c>, <c>Failed</c>, <c>Cancelled</c>). <paramref name="Payouts"/> is
/// where the escrow went, read from the job's own record.
/// </summary>
public sealed record JobDto(
    ulong Id,
    string Client,
    string State,
    string Kind,
    string Policy,
    int Replicas,
    string Model,
    string Input,
    ulong WorkUnits,
    [property: BaseUnits] string MaxPricePerWorkUnit,
    uint DeadlineBlocks,
    [property: BaseUnits] string Locked,
    [property: BaseUnits] string Escrow,
    [property: BaseUnits] string Paid,
    [property: BaseUnits] string Refunded,
    string? AcceptedOutput,
    ulong CreatedHeight,
    ulong? ClosedHeight,
    int Reassignments,
    IReadOnlyList<JobSlotDto> Slots,
    IReadOnlyList<JobPayoutDto> Payouts);
