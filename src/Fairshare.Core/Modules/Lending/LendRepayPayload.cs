using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Repays <paramref name="Borrower"/>'s borrow of <paramref name="Asset"/> (the sender's own, or on behalf of another
/// account); <see cref="Amount.MaxValue"/> repays all of it (Compound's <c>type(uint).max</c>).
/// </summary>
public sealed record LendRepayPayload(AssetId Asset, Address Borrower, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendRepay;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(Asset.Value);
        writer.WriteAddress(Borrower);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendRepayPayload(new AssetId(reader.ReadU32()), reader.ReadAddress(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.Repay(context, Asset, Borrower, Amount);
}
