using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>Votes on proposal <paramref name="ProposalId"/>: <paramref name="Support"/> 0 against, 1 for, 2 abstain.</summary>
public sealed record GovVotePayload(uint ProposalId, byte Support) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovVote;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteU32(ProposalId);
        writer.WriteU8(Support);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var payload = new GovVotePayload(reader.ReadU32(), reader.ReadU8());
        return reader.Ok ? payload : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Vote(context, ProposalId, Support);
}
