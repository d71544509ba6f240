using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Farming;

/// <summary>Pays the sender's earned FSH from a farm (<c>getReward</c>).</summary>
public sealed record FarmClaimPayload(uint FarmId) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.FarmClaim;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(FarmId);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new FarmClaimPayload(reader.ReadU32());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => FarmingModule.Claim(context, FarmId);
}
