namespace Fairshare.Client.Dto;

/// <summary>A committed transaction's receipt (the end-of-block receipt has the zero transaction id).</summary>
public sealed record ReceiptDto(string TxId, string Code, IReadOnlyList<EventDto> Events);
