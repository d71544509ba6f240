using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Queues the succeeded proposal <paramref name="ProposalId"/> in the timelock.</summary>
public sealed record GovQueuePayload(uint ProposalId) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovQueue;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteU32(ProposalId);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        uint id = reader.ReadU32();
        return reader.Ok ? new GovQueuePayload(id) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Queue(context, ProposalId);
}
