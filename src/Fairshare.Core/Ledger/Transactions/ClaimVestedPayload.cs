using Fairshare.Core.Encoding;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>Moves the vested, unclaimed part of the sender's genesis allocation out of the vesting escrow.</summary>
public sealed record ClaimVestedPayload : TxPayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.ClaimVested;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
    }
}
