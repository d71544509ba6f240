using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Delegates the sender's locked votes to <paramref name="Delegatee"/> (the sender itself to take them back).</summary>
public sealed record GovDelegatePayload(Address Delegatee) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovDelegate;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteAddress(Delegatee);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var delegatee = reader.ReadAddress();
        return reader.Ok ? new GovDelegatePayload(delegatee) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Delegate(context, Delegatee);
}
