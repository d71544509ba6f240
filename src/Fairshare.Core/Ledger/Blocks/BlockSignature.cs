using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>A validator's signature over a block header's hash.</summary>
public sealed record BlockSignature(PublicKey Validator, byte[] Signature)
{
    /// <summary>True when the signature verifies for the header.</summary>
    public bool Verify(BlockHeader header) => Ed25519.Verify(Validator, header.SigningBytes(), Signature);

    /// <summary>Signs a header.</summary>
    public static BlockSignature Sign(BlockHeader header, KeyPair key) => new(key.PublicKey, key.Sign(header.SigningBytes()));

    /// <summary>Writes a list of signatures as every encoding that carries them does: a count, then each key and signature.</summary>
    public static void WriteList(CanonicalWriter writer, IReadOnlyList<BlockSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(signatures);
        writer.WriteVarUInt((ulong)signatures.Count);
        foreach (var signature in signatures)
        {
            writer.WriteRaw(signature.Validator.Bytes);
            writer.WriteRaw(signature.Signature);
        }
    }

    /// <summary>Reads a list written by <see cref="WriteList"/> (at most <see cref="Block.MaxSignatures"/>); what it read before the reader failed.</summary>
    public static ImmutableArray<BlockSignature> ReadList(ref CanonicalReader reader)
    {
        int count = reader.ReadLength(Block.MaxSignatures, ResultCode.TooManyItems);
        var signatures = ImmutableArray.CreateBuilder<BlockSignature>(count);
        for (int i = 0; i < count && reader.Ok; i++)
        {
            var key = reader.ReadRaw(PublicKey.Size);
            var signature = reader.ReadRaw(Ed25519.SignatureSize);
            if (reader.Ok) signatures.Add(new BlockSignature(new PublicKey(key), signature.ToArray()));
        }

        return signatures.ToImmutable();
    }
}
