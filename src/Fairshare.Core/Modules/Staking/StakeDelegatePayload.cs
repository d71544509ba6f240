using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>Delegates <paramref name="Amount"/> FSH to <paramref name="Provider"/>'s stake pool.</summary>
public sealed record StakeDelegatePayload(Address Provider, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StakeDelegate;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAddress(Provider);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StakeDelegatePayload(reader.ReadAddress(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StakingModule.Delegate(context, Provider, Amount);
}
