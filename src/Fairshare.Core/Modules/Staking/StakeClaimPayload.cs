using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Staking;

/// <summary>Pays the sender's delegator rewards from <paramref name="Provider"/>'s pool.</summary>
public sealed record StakeClaimPayload(Address Provider) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StakeClaim;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteAddress(Provider);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new StakeClaimPayload(reader.ReadAddress());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StakingModule.Claim(context, Provider);
}
