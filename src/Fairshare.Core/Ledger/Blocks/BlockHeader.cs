using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>A block header (design §3). Its hash is SHA-256 of its encoding; validators sign that hash.</summary>
public sealed record BlockHeader(
    string ChainId,
    ulong Height,
    Hash32 PreviousHash,
    ulong TimestampMs,
    Hash32 TransactionRoot,
    Hash32 StateRoot,
    Hash32 ReceiptsRoot,
    PublicKey Proposer,
    uint TransactionCount)
{
    /// <summary>The encoding version written first.</summary>
    public const byte Version = 1;

    /// <summary>Domain separator for validator signatures over the header hash.</summary>
    public static ReadOnlySpan<byte> SigningDomain => "fairshare/block/v1\0"u8;

    /// <summary>Writes the header.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8(Version);
        writer.WriteString(ChainId);
        writer.WriteU64(Height);
        writer.WriteHash(PreviousHash);
        writer.WriteU64(TimestampMs);
        writer.WriteHash(TransactionRoot);
        writer.WriteHash(StateRoot);
        writer.WriteHash(ReceiptsRoot);
        writer.WriteRaw(Proposer.Bytes);
        writer.WriteU32(TransactionCount);
    }

    /// <summary>Reads a header; null when the reader failed.</summary>
    public static BlockHeader? Read(ref CanonicalReader reader)
    {
        byte version = reader.ReadU8();
        if (reader.Ok && version != Version) reader.Fail(ResultCode.UnknownTag);
        var chainId = reader.ReadString(Transactions.TransactionCodec.MaxChainIdBytes);
        var height = reader.ReadU64();
        var previous = reader.ReadHash();
        var timestamp = reader.ReadU64();
        var txRoot = reader.ReadHash();
        var stateRoot = reader.ReadHash();
        var receiptsRoot = reader.ReadHash();
        var proposer = reader.ReadRaw(PublicKey.Size);
        var count = reader.ReadU32();
        return reader.Ok
            ? new BlockHeader(chainId, height, previous, timestamp, txRoot, stateRoot, receiptsRoot, new PublicKey(proposer), count)
            : null;
    }

    /// <summary>SHA-256 of the encoding.</summary>
    public Hash32 Hash()
    {
        var writer = new CanonicalWriter(256);
        Encode(writer);
        return Hash32.Compute(writer.WrittenSpan);
    }

    /// <summary>The bytes a validator signs.</summary>
    public byte[] SigningBytes()
    {
        var writer = new CanonicalWriter(64);
        writer.WriteRaw(SigningDomain);
        writer.WriteHash(Hash());
        return writer.ToArray();
    }
}
