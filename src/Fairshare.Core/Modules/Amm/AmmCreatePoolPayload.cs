using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>Creates the pool of <paramref name="AssetA"/> and <paramref name="AssetB"/> (empty, with its LP asset).</summary>
public sealed record AmmCreatePoolPayload(AssetId AssetA, AssetId AssetB) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.AmmCreatePool;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(AssetA.Value);
        writer.WriteU32(AssetB.Value);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new AmmCreatePoolPayload(new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()));
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => AmmModule.CreatePool(context, AssetA, AssetB, out _);
}
