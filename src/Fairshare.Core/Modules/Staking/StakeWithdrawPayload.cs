using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>Pays out every completed unbonding entry of the sender.</summary>
public sealed record StakeWithdrawPayload : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StakeWithdraw;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
    }

    /// <summary>Reads the fields (there are none).</summary>
    public static ModulePayload? Read(ref CanonicalReader reader) => reader.Ok ? new StakeWithdrawPayload() : null;

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StakingModule.Withdraw(context);
}
