namespace Fairshare.Client.Dto;

/// <summary>
/// One slot of a compute job: the provider, its role (<c>Primary</c>, <c>Replica</c>, <c>Checker</c>, <c>Arbiter</c>), its
/// status, the blocks it was assigned in and is due by, its price, and the verification trail: the commitment
/// <c>H(output ‖ salt)</c> and the revealed output hash (null until sent), and the arbiter's agreement mask.
/// </summary>
public sealed record JobSlotDto(
    string Provider,
    string Role,
    string Status,
    ulong AssignedHeight,
    ulong DeadlineHeight,
    [property: BaseUnits] string Price,
    string? Commitment,
    string? OutputHash,
    uint AgreeMask);
