using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger;

/// <summary>The outcome of one transaction: its id, a stable result code and the value it moved.</summary>
public sealed record Receipt(Hash32 TxId, ResultCode Code, ImmutableArray<LedgerEvent> Events)
{
    /// <summary>The most events one receipt may carry when decoded.</summary>
    public const int MaxEvents = 1024;

    /// <summary>Writes the receipt's canonical encoding.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(TxId);
        writer.WriteU16((ushort)Code);
        writer.WriteVarUInt((ulong)Events.Length);
        foreach (var e in Events) e.Encode(writer);
    }

    /// <summary>Reads a receipt.</summary>
    public static Receipt Read(ref CanonicalReader reader)
    {
        var id = reader.ReadHash();
        var code = (ResultCode)reader.ReadU16();
        int count = reader.ReadLength(MaxEvents, ResultCode.TooManyItems);
        var events = ImmutableArray.CreateBuilder<LedgerEvent>(count);
        for (int i = 0; i < count && reader.Ok; i++) events.Add(LedgerEvent.Read(ref reader));
        return new Receipt(id, code, reader.Ok ? events.MoveToImmutable() : []);
    }

    /// <summary>SHA-256 of the encoding (a leaf of the receipts root).</summary>
    public Hash32 Hash() => Hash(new CanonicalWriter(256));

    /// <summary>SHA-256 of the encoding, reusing a scratch writer.</summary>
    public Hash32 Hash(CanonicalWriter scratch)
    {
        scratch.Reset();
        Encode(scratch);
        return Hash32.Compute(scratch.WrittenSpan);
    }

    /// <summary>The Merkle root over the receipts' hashes.</summary>
    public static Hash32 RootOf(IReadOnlyList<Receipt> receipts)
    {
        var scratch = new CanonicalWriter(256);
        var hashes = new Hash32[receipts.Count];
        for (int i = 0; i < hashes.Length; i++) hashes[i] = receipts[i].Hash(scratch);
        return Blocks.MerkleTree.Root(hashes);
    }

    /// <inheritdoc/>
    public bool Equals(Receipt? other) =>
        other is not null && TxId == other.TxId && Code == other.Code && Events.SequenceEqual(other.Events);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TxId, Code, Events.Length);
}
