using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger;

/// <summary>
/// A movement of value, tagged with what it was for. A mint has the zero address as <paramref name="From"/>;
/// a burn has it as <paramref name="To"/>.
/// </summary>
public readonly record struct LedgerEvent(FlowTag Tag, AssetId Asset, Address From, Address To, Amount Amount)
{
    /// <summary>Writes the event's canonical encoding.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8((byte)Tag);
        writer.WriteU32(Asset.Value);
        writer.WriteAddress(From);
        writer.WriteAddress(To);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads an event.</summary>
    public static LedgerEvent Read(ref CanonicalReader reader)
    {
        var tag = (FlowTag)reader.ReadU8();
        var asset = new AssetId(reader.ReadU32());
        var from = reader.ReadAddress();
        var to = reader.ReadAddress();
        var amount = reader.ReadAmount();
        return new LedgerEvent(tag, asset, from, to, amount);
    }
}
