using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>The signed part of a transaction.</summary>
public sealed record Transaction(string ChainId, ulong Nonce, Amount Fee, TxPayload Payload)
{
    /// <summary>The encoding version written first.</summary>
    public const byte Version = 1;

    /// <summary>Domain separator prepended to the body before signing.</summary>
    public static ReadOnlySpan<byte> SigningDomain => "fairshare/tx/v1\0"u8;

    /// <summary>Writes the body.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8(Version);
        writer.WriteString(ChainId);
        writer.WriteU64(Nonce);
        writer.WriteAmount(Fee);
        Payload.Encode(writer);
    }

    /// <summary>The bytes a signer signs: the domain separator and the body.</summary>
    public byte[] SigningBytes()
    {
        var writer = new CanonicalWriter();
        writer.WriteRaw(SigningDomain);
        Encode(writer);
        return writer.ToArray();
    }
}
