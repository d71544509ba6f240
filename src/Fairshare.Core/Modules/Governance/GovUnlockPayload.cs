using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Takes <paramref name="Amount"/> locked FSH back from the escrow, and its votes off the sender's delegatee.</summary>
public sealed record GovUnlockPayload(Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovUnlock;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteAmount(Amount);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var amount = reader.ReadAmount();
        return reader.Ok ? new GovUnlockPayload(amount) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Unlock(context, Amount);
}
