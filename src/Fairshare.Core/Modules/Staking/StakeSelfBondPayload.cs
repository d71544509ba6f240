using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>A provider bonds <paramref name="Amount"/> of its own FSH; the first bond opens its pool with <paramref name="CommissionBps"/>.</summary>
public sealed record StakeSelfBondPayload(Amount Amount, ushort CommissionBps) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StakeSelfBond;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAmount(Amount);
        writer.WriteU16(CommissionBps);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StakeSelfBondPayload(reader.ReadAmount(), reader.ReadU16());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StakingModule.SelfBond(context, Amount, CommissionBps);
}
