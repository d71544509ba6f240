using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>
/// Uniswap's flash swap as a batch step: the pool pays the amounts out at once; by the end of the transaction the
/// later steps must have paid enough back (to the pool's account) for the 0.3%-fee K check, or everything reverts.
/// </summary>
public sealed record AmmFlashSwapPayload(AssetId AssetA, AssetId AssetB, Amount AmountAOut, Amount AmountBOut) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.AmmFlashSwap;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(AssetA.Value);
        writer.WriteU32(AssetB.Value);
        writer.WriteAmount(AmountAOut);
        writer.WriteAmount(AmountBOut);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new AmmFlashSwapPayload(new AssetId(reader.ReadU32()), new AssetId(reader.ReadU32()), reader.ReadAmount(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => AmmModule.FlashSwap(context, AssetA, AssetB, AmountAOut, AmountBOut);
}
