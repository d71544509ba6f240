using NSec.Cryptography;

namespace Fairshare.Core.Crypto;

/// <summary>
/// An Ed25519 signing key made from a 32-byte seed. Core never creates seeds (that needs randomness);
/// the wallet does, and tests and dev accounts derive them from names.
/// </summary>
public sealed class KeyPair : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private KeyPair(Key key)
    {
        _key = key;
        PublicKey = new PublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public half.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The account address of the public key.</summary>
    public Primitives.Address Address => PublicKey.Address;

    /// <summary>Makes the key from a 32-byte seed (RFC 8032 private key).</summary>
    public static KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32) throw new ArgumentException("an Ed25519 seed is 32 bytes", nameof(seed));
        var key = Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new KeyPair(key);
    }

    /// <summary>A well-known development key derived from a name. Never use for real funds.</summary>
    public static KeyPair ForDevelopment(string name) =>
        FromSeed(Primitives.Hash32.Compute(System.Text.Encoding.UTF8.GetBytes("fairshare-dev:" + name)).ToArray());

    /// <summary>The 32-byte seed, for the keystore.</summary>
    public byte[] ExportSeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>Signs the message.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();
}
