using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>Router02 removeLiquidity: burns <paramref name="Liquidity"/> LP shares, paying at least the minimums.</summary>
public sealed record AmmRemoveLiquidityPayload(AssetId AssetA, AssetId AssetB, Amount Liquidity, Amount MinA, Amount MinB) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.AmmRemoveLiquidity;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(AssetA.Value);
        writer.WriteU32(AssetB.Value);
        writer.WriteAmount(Liquidity);
        writer.WriteAmount(MinA);
        writer.WriteAmount(MinB);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new AmmRemoveLiquidityPayload(new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()),
            reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => AmmModule.RemoveLiquidity(context, AssetA, AssetB, Liquidity, MinA, MinB);
}
