using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>The treasury creates a farm paying FSH to stakers of <paramref name="StakingAsset"/>, with reward periods of <paramref name="RewardsDuration"/> seconds.</summary>
public sealed record FarmCreatePayload(AssetId StakingAsset, ulong RewardsDuration) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.FarmCreate;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(StakingAsset.Value);
        writer.WriteU64(RewardsDuration);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new FarmCreatePayload(new AssetId(reader.ReadU32()), reader.ReadU64());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => FarmingModule.Create(context, StakingAsset, RewardsDuration);
}
