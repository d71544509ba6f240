using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Executes the queued proposal <paramref name="ProposalId"/> once its timelock has passed.</summary>
public sealed record GovExecutePayload(uint ProposalId) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovExecute;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer) => writer.WriteU32(ProposalId);

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        uint id = reader.ReadU32();
        return reader.Ok ? new GovExecutePayload(id) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Execute(context, ProposalId);
}
