using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>A provider as the market knows it: its offer, its track record, whether it takes new slots, and its load.</summary>
/// <param name="Provider">The provider's address.</param>
/// <param name="Offer">Its current offer.</param>
/// <param name="Stats">Its track record.</param>
/// <param name="Registered">False once it deregistered (it keeps finishing its slots).</param>
/// <param name="OpenSlots">Slots assigned to it that are still pending (at most its capacity, unless it lowered it).</param>
public sealed record ProviderRecord(Address Provider, ProviderOffer Offer, ProviderStats Stats, bool Registered, ushort OpenSlots)
{
    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(192);
        writer.WriteAddress(Provider);
        Offer.Encode(writer);
        Stats.Encode(writer);
        writer.WriteBool(Registered);
        writer.WriteU16(OpenSlots);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static ProviderRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var record = new ProviderRecord(reader.ReadAddress(), ProviderOffer.Read(ref reader), ProviderStats.Read(ref reader), reader.ReadBool(), reader.ReadU16());
        reader.ExpectEnd();
        return reader.Ok ? record : throw new InvalidOperationException($"stored provider does not decode: {reader.Error}");
    }
}
