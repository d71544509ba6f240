using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>An account's FSH locked in the governance escrow and the account its votes are delegated to.</summary>
/// <param name="Locked">FSH locked, base units.</param>
/// <param name="Delegatee">Who votes with them (the account itself unless it delegated).</param>
public sealed record VoterLock(Amount Locked, Address Delegatee)
{
    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(64);
        writer.WriteAmount(Locked);
        writer.WriteAddress(Delegatee);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static VoterLock Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        var result = new VoterLock(reader.ReadAmount(), reader.ReadAddress());
        reader.ExpectEnd();
        return reader.Ok ? result : throw new InvalidOperationException($"stored governance lock does not decode: {reader.Error}");
    }
}
