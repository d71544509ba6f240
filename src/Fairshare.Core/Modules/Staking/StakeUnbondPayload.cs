using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>Starts unbonding <paramref name="Amount"/> FSH of the sender's position in <paramref name="Provider"/>'s pool.</summary>
public sealed record StakeUnbondPayload(Address Provider, Amount Amount) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StakeUnbond;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAddress(Provider);
        writer.WriteAmount(Amount);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StakeUnbondPayload(reader.ReadAddress(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StakingModule.Unbond(context, Provider, Amount);
}
