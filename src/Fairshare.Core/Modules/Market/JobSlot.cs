using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>One execution (or vote) of a job by one provider.</summary>
/// <param name="Provider">The provider assigned.</param>
/// <param name="Role">Primary, replica, checker or arbiter.</param>
/// <param name="Status">Where the slot stands.</param>
/// <param name="AssignedHeight">The block whose end assigned it.</param>
/// <param name="DeadlineHeight">The last block in which it may reveal (moved later while it waits for others to commit).</param>
/// <param name="Price">The provider's price × the job's work units, fixed at assignment.</param>
/// <param name="Commitment">SHA-256(output ‖ salt ‖ provider), zero until committed.</param>
/// <param name="OutputHash">The output blob's SHA-256, zero until revealed.</param>
/// <param name="AgreeMask">An arbiter's votes: bit i set when slot i's output agrees with its own.</param>
public sealed record JobSlot(
    Address Provider,
    SlotRole Role,
    SlotStatus Status,
    ulong AssignedHeight,
    ulong DeadlineHeight,
    Amount Price,
    Hash32 Commitment,
    Hash32 OutputHash,
    uint AgreeMask)
{
    /// <summary>FSH that left the job's escrow for this slot: an executor's price (protocol fee included), an arbiter's pay when the escrow paid it.</summary>
    public Amount Paid { get; init; }

    /// <summary>FSH this slot's provider received for the job through its stake pool (provider and delegators): the price less the protocol fee, or an arbiter's pay from the escrow or from a liar's slashed stake.</summary>
    public Amount Earned { get; init; }

    /// <summary>Stake slashed from this slot's provider for this job (a missed deadline, a proven wrong result).</summary>
    public Amount Slashed { get; init; }

    /// <summary>Whether the slot still has to act (assigned or committed).</summary>
    public bool IsPending => Status is SlotStatus.Assigned or SlotStatus.Committed;

    /// <summary>Whether the slot takes part in its round (pending or revealed; not missed or replaced).</summary>
    public bool IsActive => Status is SlotStatus.Assigned or SlotStatus.Committed or SlotStatus.Revealed;

    /// <summary>Whether the slot runs the job for the client (primary, replica or checker), as opposed to judging.</summary>
    public bool IsExecutor => Role != SlotRole.Arbiter;

    /// <summary>Writes the slot.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteAddress(Provider);
        writer.WriteU8((byte)Role);
        writer.WriteU8((byte)Status);
        writer.WriteU64(AssignedHeight);
        writer.WriteU64(DeadlineHeight);
        writer.WriteAmount(Price);
        writer.WriteHash(Commitment);
        writer.WriteHash(OutputHash);
        writer.WriteU32(AgreeMask);
        writer.WriteAmount(Paid);
        writer.WriteAmount(Earned);
        writer.WriteAmount(Slashed);
    }

    /// <summary>Reads a slot (check <see cref="CanonicalReader.Ok"/>).</summary>
    public static JobSlot Read(ref CanonicalReader reader) => new JobSlot(
        reader.ReadAddress(),
        (SlotRole)reader.ReadU8(),
        (SlotStatus)reader.ReadU8(),
        reader.ReadU64(),
        reader.ReadU64(),
        reader.ReadAmount(),
        reader.ReadHash(),
        reader.ReadHash(),
        reader.ReadU32())
    {
        Paid = reader.ReadAmount(),
        Earned = reader.ReadAmount(),
        Slashed = reader.ReadAmount(),
    };
}
