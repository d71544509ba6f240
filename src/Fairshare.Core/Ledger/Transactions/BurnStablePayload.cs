using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>The USDF issuer burns <paramref name="Amount"/> from its own balance.</summary>
public sealed record BurnStablePayload(Amount Amount) : TxPayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.BurnStable;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteAmount(Amount);
}
