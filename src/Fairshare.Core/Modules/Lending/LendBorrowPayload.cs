using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>Borrows <paramref name="Amount"/> of <paramref name="Asset"/> against the sender's collateral, valued at TWAP prices.</summary>
public sealed record LendBorrowPayload(AssetId Asset, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendBorrow;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(Asset.Value);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendBorrowPayload(new AssetId(reader.ReadU32()), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.Borrow(context, Asset, Amount);
}
