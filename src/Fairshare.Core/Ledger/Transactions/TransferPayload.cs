using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>Moves <paramref name="Amount"/> of <paramref name="Asset"/> from the sender to <paramref name="To"/>.</summary>
public sealed record TransferPayload(Address To, AssetId Asset, Amount Amount) : TxPayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.Transfer;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAddress(To);
        writer.WriteU32(Asset.Value);
        writer.WriteAmount(Amount);
    }
}
