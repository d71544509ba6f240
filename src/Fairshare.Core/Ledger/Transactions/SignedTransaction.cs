using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>A transaction body with the signer's public key and signature. Its id is SHA-256 of its encoding.</summary>
public sealed class SignedTransaction
{
    private readonly byte[] _signature;

    /// <summary>Assembles a signed transaction; <paramref name="encoded"/> is its canonical encoding when already known.</summary>
    public SignedTransaction(Transaction body, PublicKey signer, ReadOnlySpan<byte> signature, byte[]? encoded = null)
    {
        if (signature.Length != Ed25519.SignatureSize) throw new ArgumentException("a signature is 64 bytes", nameof(signature));
        Body = body;
        Signer = signer;
        _signature = signature.ToArray();
        Sender = signer.Address;
        Encoded = encoded ?? EncodeWhole();
        Id = Hash32.Compute(Encoded);
    }

    /// <summary>The signed body.</summary>
    public Transaction Body { get; }

    /// <summary>The signer's key.</summary>
    public PublicKey Signer { get; }

    /// <summary>The signer's address.</summary>
    public Address Sender { get; }

    /// <summary>The 64-byte Ed25519 signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The canonical encoding.</summary>
    public byte[] Encoded { get; }

    /// <summary>SHA-256 of <see cref="Encoded"/>.</summary>
    public Hash32 Id { get; }

    /// <summary>Signs a body with a key.</summary>
    public static SignedTransaction Sign(Transaction body, KeyPair key) =>
        new(body, key.PublicKey, key.Sign(body.SigningBytes()));

    /// <summary>True when the signature verifies.</summary>
    public bool VerifySignature()
    {
        int bodyLength = Encoded.Length - PublicKey.Size - Ed25519.SignatureSize;
        var message = new byte[Transaction.SigningDomain.Length + bodyLength];
        Transaction.SigningDomain.CopyTo(message);
        Encoded.AsSpan(0, bodyLength).CopyTo(message.AsSpan(Transaction.SigningDomain.Length));
        return Ed25519.Verify(Signer, message, _signature);
    }

    private byte[] EncodeWhole()
    {
        var writer = new CanonicalWriter();
        Body.Encode(writer);
        writer.WriteRaw(Signer.Bytes);
        writer.WriteRaw(_signature);
        return writer.ToArray();
    }
}
