using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger;

/// <summary>Encodes the receipts of one block as a count followed by the receipts.</summary>
public static class ReceiptCodec
{
    /// <summary>Writes the list.</summary>
    public static byte[] Encode(IReadOnlyList<Receipt> receipts)
    {
        var writer = new CanonicalWriter(64 + receipts.Count * 160);
        writer.WriteVarUInt((ulong)receipts.Count);
        foreach (var receipt in receipts) receipt.Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Reads a list, rejecting malformed input.</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out ImmutableArray<Receipt> receipts)
    {
        receipts = [];
        var reader = new CanonicalReader(bytes);
        int count = reader.ReadLength(Blocks.Block.MaxTransactions, ResultCode.TooManyItems);
        var builder = ImmutableArray.CreateBuilder<Receipt>(count);
        for (int i = 0; i < count && reader.Ok; i++) builder.Add(Receipt.Read(ref reader));
        reader.ExpectEnd();
        if (!reader.Ok) return reader.Error;
        receipts = builder.MoveToImmutable();
        return ResultCode.Ok;
    }
}
