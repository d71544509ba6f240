using Fairshare.Core.Crypto;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>A validator's signature over a block header's hash.</summary>
public sealed record BlockSignature(PublicKey Validator, byte[] Signature)
{
    /// <summary>True when the signature verifies for the header.</summary>
    public bool Verify(BlockHeader header) => Ed25519.Verify(Validator, header.SigningBytes(), Signature);

    /// <summary>Signs a header.</summary>
    public static BlockSignature Sign(BlockHeader header, KeyPair key) => new(key.PublicKey, key.Sign(header.SigningBytes()));
}
