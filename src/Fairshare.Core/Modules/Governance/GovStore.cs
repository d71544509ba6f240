using System.Buffers.Binary;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// Where governance keeps its records: parameters, locks, vote checkpoints per delegatee (Compound's
/// <c>checkpoints</c>/<c>numCheckpoints</c>), proposals, each proposer's latest proposal, and vote receipts. The total
/// locked is kept as the checkpoints of the escrow account's own address, which no one can delegate to or sign for.
/// </summary>
public static class GovStore
{
    private const byte ParamsTable = 1;
    private const byte LockTable = 2;
    private const byte CheckpointCountTable = 3;
    private const byte CheckpointTable = 4;
    private const byte ProposalTable = 5;
    private const byte CounterTable = 6;
    private const byte LatestProposalTable = 7;
    private const byte ReceiptTable = 8;

    /// <summary>The escrow account that holds every locked FSH.</summary>
    public static Address Escrow { get; } = Address.ForModule("gov/escrow");

    /// <summary>Governance's parameters (the defaults until governance sets them).</summary>
    public static GovParams Params(LedgerState state) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Governance, ParamsTable)) is { } bytes ? GovParams.Decode(bytes) : GovParams.Default;

    /// <summary>Sets governance's parameters.</summary>
    public static void SetParams(LedgerState state, GovParams parameters) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Governance, ParamsTable), parameters.Encode());

    /// <summary>The account's lock (nothing locked, delegated to itself, when it has no record).</summary>
    public static VoterLock Lock(LedgerState state, Address account) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Governance, LockTable, account)) is { } bytes
            ? VoterLock.Decode(bytes)
            : new VoterLock(Amount.Zero, account);

    /// <summary>Stores a lock; the default (nothing locked, self-delegated) is stored as no record.</summary>
    public static void PutLock(LedgerState state, Address account, VoterLock voterLock)
    {
        bool isDefault = voterLock.Locked.IsZero && voterLock.Delegatee == account;
        state.WriteRecord(StateKey.Of(ModuleIds.Governance, LockTable, account), isDefault ? null : voterLock.Encode());
    }

    /// <summary>Number of checkpoints of an account.</summary>
    public static uint CheckpointCount(LedgerState state, Address account) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Governance, CheckpointCountTable, account)) is { } bytes
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : 0;

    /// <summary>The account's checkpoint at an index below <see cref="CheckpointCount"/>.</summary>
    public static Checkpoint CheckpointAt(LedgerState state, Address account, uint index)
    {
        var bytes = state.ReadRecord(StateKey.Of(ModuleIds.Governance, CheckpointTable, index, account))
            ?? throw new InvalidOperationException($"checkpoint {index} of {account} is missing");
        return new Checkpoint(BinaryPrimitives.ReadUInt64BigEndian(bytes), Amount.ReadBigEndian(bytes.AsSpan(8)));
    }

    /// <summary>Votes delegated to the account now (Compound's <c>getCurrentVotes</c>).</summary>
    public static Amount CurrentVotes(LedgerState state, Address account)
    {
        uint count = CheckpointCount(state, account);
        return count == 0 ? Amount.Zero : CheckpointAt(state, account, count - 1).Votes;
    }

    /// <summary>
    /// Votes delegated to the account at the end of <paramref name="block"/> (Compound's <c>getPriorVotes</c>, by binary
    /// search over the checkpoints). Final only for a block before the current one; callers ask for no other.
    /// </summary>
    public static Amount VotesAt(LedgerState state, Address account, ulong block)
    {
        uint count = CheckpointCount(state, account);
        if (count == 0) return Amount.Zero;
        var latest = CheckpointAt(state, account, count - 1);
        if (latest.FromBlock <= block) return latest.Votes;
        if (CheckpointAt(state, account, 0).FromBlock > block) return Amount.Zero;
        uint lower = 0, upper = count - 1;
        while (upper > lower)
        {
            uint center = upper - (upper - lower) / 2;
            var checkpoint = CheckpointAt(state, account, center);
            if (checkpoint.FromBlock == block) return checkpoint.Votes;
            if (checkpoint.FromBlock < block) lower = center;
            else upper = center - 1;
        }

        return CheckpointAt(state, account, lower).Votes;
    }

    /// <summary>Records the account's new votes from <paramref name="height"/> on (Compound's <c>_writeCheckpoint</c>).</summary>
    public static void WriteCheckpoint(LedgerState state, Address account, ulong height, in Amount votes)
    {
        uint count = CheckpointCount(state, account);
        bool sameBlock = count > 0 && CheckpointAt(state, account, count - 1).FromBlock == height;
        uint index = sameBlock ? count - 1 : count;
        var bytes = new byte[8 + 32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, height);
        votes.WriteBigEndian(bytes.AsSpan(8));
        state.WriteRecord(StateKey.Of(ModuleIds.Governance, CheckpointTable, index, account), bytes);
        if (!sameBlock) state.WriteRecord(StateKey.Of(ModuleIds.Governance, CheckpointCountTable, account), U32(count + 1));
    }

    /// <summary>The proposal by id, or null.</summary>
    public static Proposal? Proposal(LedgerState state, uint id) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Governance, ProposalTable, id)) is { } bytes ? Governance.Proposal.Decode(bytes) : null;

    /// <summary>Every proposal in id order.</summary>
    public static IEnumerable<Proposal> AllProposals(LedgerState state) =>
        state.Records(ModuleIds.Governance, ProposalTable).Select(r => Governance.Proposal.Decode(r.Value));

    /// <summary>Stores a proposal (new or changed).</summary>
    public static void PutProposal(LedgerState state, Proposal proposal) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Governance, ProposalTable, proposal.Id), proposal.Encode());

    /// <summary>Number of proposals made (GovernorBravo's <c>proposalCount</c>); ids run from 1 to it.</summary>
    public static uint ProposalCount(LedgerState state) => state.LastId(StateKey.Of(ModuleIds.Governance, CounterTable));

    /// <summary>Allocates the next proposal id and makes it the proposer's latest.</summary>
    public static uint NextProposalId(LedgerState state, Address proposer)
    {
        uint id = state.AllocateId(StateKey.Of(ModuleIds.Governance, CounterTable));
        state.WriteRecord(StateKey.Of(ModuleIds.Governance, LatestProposalTable, proposer), U32(id));
        return id;
    }

    /// <summary>The proposer's latest proposal id, or null when none.</summary>
    public static uint? LatestProposalId(LedgerState state, Address proposer) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Governance, LatestProposalTable, proposer)) is { } bytes
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : null;

    /// <summary>The voter's receipt on a proposal, or null when it has not voted.</summary>
    public static VoteReceipt? Receipt(LedgerState state, uint proposalId, Address voter) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Governance, ReceiptTable, proposalId, voter)) is { } bytes ? VoteReceipt.Decode(bytes) : null;

    /// <summary>Stores a voter's receipt.</summary>
    public static void PutReceipt(LedgerState state, uint proposalId, Address voter, VoteReceipt receipt) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Governance, ReceiptTable, proposalId, voter), receipt.Encode());

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
