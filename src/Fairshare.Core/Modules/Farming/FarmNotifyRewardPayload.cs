using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>The treasury moves <paramref name="Reward"/> FSH into a farm and starts a new reward period (<c>notifyRewardAmount</c>).</summary>
public sealed record FarmNotifyRewardPayload(uint FarmId, Amount Reward) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.FarmNotifyReward;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(FarmId);
        writer.WriteAmount(Reward);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new FarmNotifyRewardPayload(reader.ReadU32(), reader.ReadAmount());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => FarmingModule.NotifyReward(context, FarmId, Reward);
}
