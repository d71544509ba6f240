using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// A flash loan as a batch step: the market of <paramref name="Asset"/> pays <paramref name="Amount"/> out now; at the
/// end of the transaction the amount plus the fee is taken back from the sender, or the whole transaction reverts.
/// </summary>
public sealed record LendFlashLoanPayload(AssetId Asset, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.LendFlashLoan;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(Asset.Value);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new LendFlashLoanPayload(new AssetId(reader.ReadU32()), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => LendingModule.FlashLoan(context, Asset, Amount);
}
