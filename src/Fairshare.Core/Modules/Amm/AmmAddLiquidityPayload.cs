using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>Router02 addLiquidity: up to the desired amounts at the pool's ratio, at least the minimums.</summary>
public sealed record AmmAddLiquidityPayload(AssetId AssetA, AssetId AssetB, Amount DesiredA, Amount DesiredB, Amount MinA, Amount MinB) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.AmmAddLiquidity;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(AssetA.Value);
        writer.WriteU32(AssetB.Value);
        writer.WriteAmount(DesiredA);
        writer.WriteAmount(DesiredB);
        writer.WriteAmount(MinA);
        writer.WriteAmount(MinB);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new AmmAddLiquidityPayload(new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()),
            reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) =>
        AmmModule.AddLiquidity(context, AssetA, AssetB, DesiredA, DesiredB, MinA, MinB);
}
