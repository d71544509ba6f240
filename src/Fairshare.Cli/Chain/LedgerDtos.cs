using Fairshare.Client.Dto;
using Fairshare.Core.Ledger;

namespace Fairshare.Cli.Chain;

/// <summary>Ledger values in the API's shapes, so local and remote results print the same.</summary>
public static class LedgerDtos
{
    /// <summary>An event as the API writes it: names and addresses as text, amounts in base units.</summary>
    public static EventDto ToDto(LedgerEvent e) =>
        new(e.Tag.ToString(), e.Asset.Value, e.From.ToString(), e.To.ToString(), e.Amount.ToString());

    /// <summary>A receipt as the API writes it.</summary>
    public static ReceiptDto ToDto(Receipt receipt) =>
        new(receipt.TxId.ToString(), receipt.Code.ToString(), [.. receipt.Events.Select(ToDto)]);
}
