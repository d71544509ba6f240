using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Locks <paramref name="Amount"/> FSH in the governance escrow; its votes go to the sender's delegatee.</summary>
public sealed record GovLockPayload(Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovLock;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteAmount(Amount);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var amount = reader.ReadAmount();
        return reader.Ok ? new GovLockPayload(amount) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Lock(context, Amount);
}
