using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Cancels proposal <paramref name="ProposalId"/> (its proposer, or anyone once the proposer is below the threshold).</summary>
public sealed record GovCancelPayload(uint ProposalId) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovCancel;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteU32(ProposalId);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        uint id = reader.ReadU32();
        return reader.Ok ? new GovCancelPayload(id) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Cancel(context, ProposalId);
}
