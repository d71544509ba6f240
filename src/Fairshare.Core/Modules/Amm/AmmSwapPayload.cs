using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// A swap along <paramref name="Path"/> (2 to 5 assets). With <paramref name="ExactOut"/> false it sells exactly
/// <paramref name="Amount"/> of the first asset for at least <paramref name="Limit"/> of the last; with it true it buys
/// exactly <paramref name="Amount"/> of the last for at most <paramref name="Limit"/> of the first.
/// </summary>
public sealed record AmmSwapPayload(ImmutableArray<AssetId> Path, Amount Amount, Amount Limit, bool ExactOut) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.AmmSwap;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Path.Length);
        foreach (var asset in Path) writer.WriteU32(asset.Value);
        writer.WriteAmount(Amount);
        writer.WriteAmount(Limit);
        writer.WriteBool(ExactOut);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        int length = reader.ReadLength(AmmModule.MaxPathLength, ResultCode.TooManyItems);
        var path = ImmutableArray.CreateBuilder<AssetId>(length);
        for (int i = 0; i < length && reader.Ok; i++) path.Add(new AssetId(reader.ReadU32()));
        var amount = reader.ReadAmount();
        var limit = reader.ReadAmount();
        bool exactOut = reader.ReadBool();
        return reader.Ok ? new AmmSwapPayload(path.MoveToImmutable(), amount, limit, exactOut) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => AmmModule.Swap(context, Path, Amount, Limit, ExactOut);

    /// <inheritdoc/>
    public bool Equals(AmmSwapPayload? other) =>
        other is not null && Path.SequenceEqual(other.Path) && Amount == other.Amount && Limit == other.Limit && ExactOut == other.ExactOut;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path.Length, Amount, Limit, ExactOut);
}
