namespace Fairshare.Client.Dto;

/// <summary>
/// Where part of a job's escrow went, from the job's own record (its waterfall), never from the block's flows: a
/// provider's or arbiter's earnings, the protocol fee to the treasury, the burned fee, the refund, what is still in
/// escrow; and, beside the escrow, slashed stake and arbiters paid from it. The steps with <paramref name="FromEscrow"/>
/// add up to the job's <c>locked</c> exactly.
/// </summary>
/// <param name="Kind"><c>provider</c>, <c>arbiter</c>, <c>protocol fee → treasury</c>, <c>burned</c>, <c>refund</c>,
/// <c>still in escrow</c>, <c>slashed</c> or <c>arbiter (from slashed stake)</c>.</param>
/// <param name="Party">The receiving (or slashed) account's address, with its role for slots; null for the treasury,
/// the burn and the escrow.</param>
/// <param name="Amount">FSH base units as a decimal string.</param>
/// <param name="FromEscrow">True for a step out of the job's escrow; false for what moved beside it (slashes).</param>
public sealed record JobPayoutDto(string Kind, string? Party, [property: BaseUnits] string Amount, bool FromEscrow);
