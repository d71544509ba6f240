using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Liquidates <paramref name="Borrower"/>: repays <paramref name="Amount"/> of its <paramref name="BorrowedAsset"/> debt
/// (at most the close factor) and seizes its cTokens of the <paramref name="CollateralAsset"/> market.
/// </summary>
public sealed record LendLiquidatePayload(Address Borrower, AssetId BorrowedAsset, Amount Amount, AssetId CollateralAsset) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendLiquidate;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAddress(Borrower);
        writer.WriteU32(BorrowedAsset.Value);
        writer.WriteAmount(Amount);
        writer.WriteU32(CollateralAsset.Value);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendLiquidatePayload(reader.ReadAddress(), new AssetId(reader.ReadU32()), reader.ReadAmount(), new AssetId(reader.ReadU32()));
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.Liquidate(context, Borrower, BorrowedAsset, Amount, CollateralAsset);
}
