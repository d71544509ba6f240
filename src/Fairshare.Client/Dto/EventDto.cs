using Fairshare.Core.Ledger;

namespace Fairshare.Client.Dto;

/// <summary>A flow-tagged movement of value: <paramref name="Amount"/> in base units as a decimal string.</summary>
public sealed record EventDto(string Tag, uint Asset, string From, string To, [property: BaseUnits] string Amount)
{
    /// <summary>
    /// A ledger event in the API's shape: the tag's name, addresses as text, the amount in base units. The one
    /// conversion both the node and the CLI use, so a replayed receipt compares equal to the node's.
    /// </summary>
    public static EventDto Of(LedgerEvent e) =>
        new(e.Tag.ToString(), e.Asset.Value, e.From.ToString(), e.To.ToString(), e.Amount.ToString());
}
