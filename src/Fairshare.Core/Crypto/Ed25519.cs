using NSec.Cryptography;

namespace Fairshare.Core.Crypto;

/// <summary>Ed25519 signature verification through NSec (libsodium).</summary>
public static class Ed25519
{
    /// <summary>Size of a signature in bytes.</summary>
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    /// <summary>True when the signature over the message verifies for the key.</summary>
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize) return false;
        if (!NSec.Cryptography.PublicKey.TryImport(Algorithm, key.Bytes, KeyBlobFormat.RawPublicKey, out var imported) || imported is null)
            return false;
        return Algorithm.Verify(imported, message, signature);
    }
}
