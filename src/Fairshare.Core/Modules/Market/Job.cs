using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>A compute job: its spec, slots, escrow and where it stands.</summary>
/// <param name="Id">The job's number, from 1.</param>
/// <param name="Client">Who submitted and pays.</param>
/// <param name="Spec">What to run and how to check it.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Slots">Every slot ever assigned, in assignment order (at most <see cref="MaxSlots"/>).</param>
/// <param name="Escrow">FSH still locked for the job in <see cref="MarketStore.EscrowAccount"/>.</param>
/// <param name="Paid">FSH paid out of the escrow for work (protocol fee included).</param>
/// <param name="Refunded">FSH returned to the client.</param>
/// <param name="AcceptedOutput">The accepted output hash: final once settled; a canary's provisional one while it waits for its client; zero otherwise.</param>
/// <param name="CreatedHeight">The block that took the submission.</param>
/// <param name="ClosedHeight">The block that settled, failed or cancelled it (0 while open).</param>
/// <param name="Reassignments">Slots re-assigned after a missed deadline so far.</param>
/// <param name="Draw">A spot check's draw outcome.</param>
/// <param name="DrawHeight">The block at whose end the spot check is drawn (0 until the primary commits).</param>
/// <param name="ExpectedDeadline">A canary's last block for the client's expected output (0 when not waiting for it).</param>
/// <param name="ExpectedRevealed">Whether the client revealed the canary's expected output.</param>
/// <param name="ExpectedOutput">The expected output hash the client revealed.</param>
public sealed record Job(
    ulong Id,
    Address Client,
    JobSpec Spec,
    JobState State,
    ImmutableArray<JobSlot> Slots,
    Amount Escrow,
    Amount Paid,
    Amount Refunded,
    Hash32 AcceptedOutput,
    ulong CreatedHeight,
    ulong ClosedHeight,
    byte Reassignments,
    SpotDraw Draw,
    ulong DrawHeight,
    ulong ExpectedDeadline,
    bool ExpectedRevealed,
    Hash32 ExpectedOutput)
{
    /// <summary>FSH of the protocol fee burned for this job (the rest of each executor's fee, <see cref="JobSlot.Paid"/> − <see cref="JobSlot.Earned"/>, went to the treasury).</summary>
    public Amount Burned { get; init; }

    /// <summary>The most slots a job holds (the arbiters' agree masks have a bit per slot).</summary>
    public const int MaxSlots = 16;

    /// <summary>Whether the job is still open, running or disputed.</summary>
    public bool IsActive => State is JobState.Open or JobState.Running or JobState.Disputed;

    /// <summary>The escrow the client locked at submission: <see cref="Escrow"/> + <see cref="Paid"/> + <see cref="Refunded"/>.</summary>
    public Amount Locked => Escrow + Paid + Refunded;

    /// <summary>Whether slot <paramref name="index"/> belongs to the round now running: the arbiters while disputed, else the executors.</summary>
    public bool InCurrentRound(int index) => Slots[index].IsActive && Slots[index].IsExecutor == (State != JobState.Disputed);

    /// <summary>Whether a spot check drew a check and still waits for an eligible checker.</summary>
    public bool AwaitsChecker => Draw == SpotDraw.Checked && !Slots.Any(s => s.Role == SlotRole.Checker && s.IsActive);

    /// <summary>
    /// Whether slot <paramref name="index"/> may reveal now: the job is running or disputed, the slot has committed,
    /// every other slot of its round has committed too, and a spot check's draw has happened (and found its checker).
    /// </summary>
    public bool RevealOpen(int index)
    {
        if (State is not (JobState.Running or JobState.Disputed)) return false;
        if (index < 0 || index >= Slots.Length || Slots[index].Status != SlotStatus.Committed || !InCurrentRound(index)) return false;
        if (State == JobState.Running && (Draw == SpotDraw.NotDrawn && Spec.Policy == VerificationPolicy.SpotCheck || AwaitsChecker)) return false;
        for (int i = 0; i < Slots.Length; i++)
        {
            if (InCurrentRound(i) && Slots[i].Status == SlotStatus.Assigned) return false;
        }

        return true;
    }

    /// <summary>The job with slot <paramref name="index"/> replaced.</summary>
    public Job WithSlot(int index, JobSlot slot) => this with { Slots = Slots.SetItem(index, slot) };

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(512);
        writer.WriteU64(Id);
        writer.WriteAddress(Client);
        Spec.Encode(writer);
        writer.WriteU8((byte)State);
        writer.WriteVarUInt((ulong)Slots.Length);
        foreach (var slot in Slots) slot.Encode(writer);
        writer.WriteAmount(Escrow);
        writer.WriteAmount(Paid);
        writer.WriteAmount(Refunded);
        writer.WriteHash(AcceptedOutput);
        writer.WriteU64(CreatedHeight);
        writer.WriteU64(ClosedHeight);
        writer.WriteU8(Reassignments);
        writer.WriteU8((byte)Draw);
        writer.WriteU64(DrawHeight);
        writer.WriteU64(ExpectedDeadline);
        writer.WriteBool(ExpectedRevealed);
        writer.WriteHash(ExpectedOutput);
        writer.WriteAmount(Burned);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static Job Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        ulong id = reader.ReadU64();
        var client = reader.ReadAddress();
        var spec = JobSpec.Read(ref reader);
        var state = (JobState)reader.ReadU8();
        int count = reader.ReadLength(MaxSlots, ResultCode.TooManyItems);
        var slots = ImmutableArray.CreateBuilder<JobSlot>(count);
        for (int i = 0; i < count && reader.Ok; i++) slots.Add(JobSlot.Read(ref reader));
        var job = new Job(
            id, client, spec, state, slots.ToImmutable(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadAmount(), reader.ReadHash(),
            reader.ReadU64(), reader.ReadU64(), reader.ReadU8(), (SpotDraw)reader.ReadU8(), reader.ReadU64(), reader.ReadU64(), reader.ReadBool(),
            reader.ReadHash()) { Burned = reader.ReadAmount() };
        reader.ExpectEnd();
        return reader.Ok ? job : throw new InvalidOperationException($"stored job {id} does not decode: {reader.Error}");
    }
}
