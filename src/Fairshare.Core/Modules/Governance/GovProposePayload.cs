using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// Proposes <paramref name="Actions"/> (1 to 10 parameter changes, applied in order when executed) with a short
/// <paramref name="Description"/> (at most 256 UTF-8 bytes: a title, or the hash of a longer text).
/// </summary>
public sealed record GovProposePayload(ImmutableArray<GovAction> Actions, string Description) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.GovPropose;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Actions.Length);
        foreach (var action in Actions) action.Encode(writer);
        writer.WriteString(Description);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        int count = reader.ReadLength(GovernanceModule.MaxActions, ResultCode.TooManyItems);
        var actions = ImmutableArray.CreateBuilder<GovAction>(count);
        for (int i = 0; i < count && reader.Ok; i++) actions.Add(GovAction.Read(ref reader));
        var description = reader.ReadString(Proposal.MaxDescriptionBytes);
        return reader.Ok ? new GovProposePayload(actions.MoveToImmutable(), description) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => GovernanceModule.Propose(context, Actions, Description);

    /// <inheritdoc/>
    public bool Equals(GovProposePayload? other) =>
        other is not null && Actions.SequenceEqual(other.Actions) && string.Equals(Description, other.Description, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Actions.Length, Description);
}
