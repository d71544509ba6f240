using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>The USDF issuer mints <paramref name="Amount"/> to <paramref name="To"/>.</summary>
public sealed record MintStablePayload(Address To, Amount Amount) : TxPayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.MintStable;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAddress(To);
        writer.WriteAmount(Amount);
    }
}
