using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// A GovernorBravo proposal on the ledger. The voting rule, its cap and the quorum are fixed when it is made, so a
/// later parameter change never alters a live vote.
/// </summary>
/// <param name="Id">Proposal id, from 1.</param>
/// <param name="Proposer">Who proposed it.</param>
/// <param name="StartBlock">Votes are counted at this block; voting opens after it.</param>
/// <param name="EndBlock">The last block of the vote.</param>
/// <param name="Eta">Unix seconds from which it may execute; 0 until queued.</param>
/// <param name="For">Weighted votes for.</param>
/// <param name="Against">Weighted votes against.</param>
/// <param name="Abstain">Weighted abstentions.</param>
/// <param name="Canceled">Whether it was canceled.</param>
/// <param name="Executed">Whether it was executed.</param>
/// <param name="Rule">The voting rule.</param>
/// <param name="CapBps">The capped rule's cap, basis points of all votes locked at the start block.</param>
/// <param name="QuorumVotes">The quorum in FSH base units, before the rule's weighting.</param>
/// <param name="Actions">The parameter changes it makes when executed, in order.</param>
/// <param name="Description">A short text or a hash of a longer one.</param>
public sealed record Proposal(
    uint Id,
    Address Proposer,
    ulong StartBlock,
    ulong EndBlock,
    ulong Eta,
    Amount For,
    Amount Against,
    Amount Abstain,
    bool Canceled,
    bool Executed,
    VotingRule Rule,
    ushort CapBps,
    Amount QuorumVotes,
    ImmutableArray<GovAction> Actions,
    string Description)
{
    /// <summary>The longest description, UTF-8 bytes.</summary>
    public const int MaxDescriptionBytes = 256;

    /// <summary>The fields GovernorBravo's <c>state</c> reads.</summary>
    public ProposalSnapshot Snapshot() => new(Id, Canceled, Executed, StartBlock, EndBlock, For.ToBigInteger(), Against.ToBigInteger(), Eta);

    /// <summary>Canonical bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteU32(Id);
        writer.WriteAddress(Proposer);
        writer.WriteU64(StartBlock);
        writer.WriteU64(EndBlock);
        writer.WriteU64(Eta);
        writer.WriteAmount(For);
        writer.WriteAmount(Against);
        writer.WriteAmount(Abstain);
        writer.WriteBool(Canceled);
        writer.WriteBool(Executed);
        writer.WriteU8((byte)Rule);
        writer.WriteU16(CapBps);
        writer.WriteAmount(QuorumVotes);
        writer.WriteVarUInt((ulong)Actions.Length);
        foreach (var action in Actions) action.Encode(writer);
        writer.WriteString(Description);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static Proposal Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        uint id = reader.ReadU32();
        var proposer = reader.ReadAddress();
        ulong start = reader.ReadU64(), end = reader.ReadU64(), eta = reader.ReadU64();
        Amount votesFor = reader.ReadAmount(), against = reader.ReadAmount(), abstain = reader.ReadAmount();
        bool canceled = reader.ReadBool(), executed = reader.ReadBool();
        var rule = (VotingRule)reader.ReadU8();
        ushort capBps = reader.ReadU16();
        var quorum = reader.ReadAmount();
        int count = reader.ReadLength(GovernanceModule.MaxActions, ResultCode.TooManyItems);
        var actions = ImmutableArray.CreateBuilder<GovAction>(count);
        for (int i = 0; i < count && reader.Ok; i++) actions.Add(GovAction.Read(ref reader));
        var description = reader.ReadString(MaxDescriptionBytes);
        reader.ExpectEnd();
        return reader.Ok
            ? new Proposal(id, proposer, start, end, eta, votesFor, against, abstain, canceled, executed, rule, capBps, quorum, actions.MoveToImmutable(), description)
            : throw new InvalidOperationException($"stored proposal does not decode: {reader.Error}");
    }

    /// <inheritdoc/>
    public bool Equals(Proposal? other) => other is not null && Encode().AsSpan().SequenceEqual(other.Encode());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Proposer, StartBlock, For, Against);
}
