using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>The treasury changes a farm's reward period length once its current period is over (<c>setRewardsDuration</c>).</summary>
public sealed record FarmSetRewardsDurationPayload(uint FarmId, ulong RewardsDuration) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.FarmSetRewardsDuration;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(FarmId);
        writer.WriteU64(RewardsDuration);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new FarmSetRewardsDurationPayload(reader.ReadU32(), reader.ReadU64());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => FarmingModule.SetRewardsDuration(context, FarmId, RewardsDuration);
}
