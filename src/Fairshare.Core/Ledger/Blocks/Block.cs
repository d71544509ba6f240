using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>A header, its transactions, and the validators' signatures over the header.</summary>
public sealed record Block(BlockHeader Header, ImmutableArray<SignedTransaction> Transactions, ImmutableArray<BlockSignature> Signatures)
{
    /// <summary>The most transactions a block may hold.</summary>
    public const int MaxTransactions = 200_000;

    /// <summary>The largest encoded block accepted.</summary>
    public const int MaxSize = 64 * 1024 * 1024;

    /// <summary>The most signatures a block may carry.</summary>
    public const int MaxSignatures = 256;

    /// <summary>The header's hash.</summary>
    public Hash32 Hash => Header.Hash();

    /// <summary>The Merkle root of the transaction ids.</summary>
    public static Hash32 TransactionRootOf(IReadOnlyList<SignedTransaction> transactions)
    {
        var ids = new Hash32[transactions.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = transactions[i].Id;
        return MerkleTree.Root(ids);
    }

    /// <summary>Writes the block.</summary>
    public byte[] Encode()
    {
        int size = 512 + Transactions.Sum(t => t.Encoded.Length + 3);
        var writer = new CanonicalWriter(size);
        Header.Encode(writer);
        writer.WriteVarUInt((ulong)Transactions.Length);
        foreach (var tx in Transactions) writer.WriteBytes(tx.Encoded);
        BlockSignature.WriteList(writer, Signatures);
        return writer.ToArray();
    }

    /// <summary>Decodes a whole block, rejecting malformed input with a stable code.</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out Block? block)
    {
        block = null;
        if (bytes.Length > MaxSize) return ResultCode.Oversized;
        var reader = new CanonicalReader(bytes);
        var header = BlockHeader.Read(ref reader);
        int count = reader.ReadLength(MaxTransactions, ResultCode.TooManyItems);
        var transactions = ImmutableArray.CreateBuilder<SignedTransaction>(count);
        for (int i = 0; i < count && reader.Ok; i++)
        {
            var txBytes = reader.ReadBytes(TransactionCodec.MaxSize);
            if (!reader.Ok) break;
            var code = TransactionCodec.TryDecode(txBytes, out var tx);
            if (code != ResultCode.Ok) reader.Fail(code);
            else transactions.Add(tx!);
        }

        var signatures = BlockSignature.ReadList(ref reader);
        reader.ExpectEnd();
        if (!reader.Ok) return reader.Error;
        block = new Block(header!, transactions.MoveToImmutable(), signatures);
        return ResultCode.Ok;
    }
}
