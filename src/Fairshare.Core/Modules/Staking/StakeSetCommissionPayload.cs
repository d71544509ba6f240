using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>A provider announces a new commission of <paramref name="CommissionBps"/>, effective after the unbonding period.</summary>
public sealed record StakeSetCommissionPayload(ushort CommissionBps) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StakeSetCommission;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU16(CommissionBps);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StakeSetCommissionPayload(reader.ReadU16());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StakingModule.SetCommission(context, CommissionBps);
}
