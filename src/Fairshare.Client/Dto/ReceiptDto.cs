using Fairshare.Core.Ledger;

namespace Fairshare.Client.Dto;

/// <summary>A committed transaction's receipt (the end-of-block receipt has the zero transaction id).</summary>
public sealed record ReceiptDto(string TxId, string Code, IReadOnlyList<EventDto> Events)
{
    /// <summary>A ledger receipt in the API's shape (see <see cref="EventDto.Of"/>).</summary>
    public static ReceiptDto Of(Receipt receipt) =>
        new(receipt.TxId.ToString(), receipt.Code.ToString(), [.. receipt.Events.Select(EventDto.Of)]);
}
