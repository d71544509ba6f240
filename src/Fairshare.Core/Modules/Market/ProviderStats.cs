using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.Market;

/// <summary>A provider's track record in the market.</summary>
/// <param name="Verified">Slots whose work was accepted and paid (executions and majority votes).</param>
/// <param name="Faults">Slots whose output arbiters found wrong.</param>
/// <param name="Missed">Slots that missed their deadline.</param>
/// <param name="AssignedWorkUnits">Work units of every slot ever assigned to it.</param>
/// <param name="JailedUntil">The first block at which it may take slots again after a fault (0: never jailed).</param>
/// <param name="LastHeartbeat">The block of its last heartbeat (or registration).</param>
public sealed record ProviderStats(ulong Verified, ulong Faults, ulong Missed, ulong AssignedWorkUnits, ulong JailedUntil, ulong LastHeartbeat)
{
    /// <summary>A new provider's record.</summary>
    public static ProviderStats Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>(Verified + 1) × 10⁶ / (Verified + 1 + 10 × Faults + 2 × Missed): 1,000,000 for a clean record.</summary>
    public uint ReputationPpm
    {
        get
        {
            var good = (UInt128)Verified + 1;
            return (uint)(good * 1_000_000 / (good + (UInt128)Faults * 10 + (UInt128)Missed * 2));
        }
    }

    /// <summary>Whether it is jailed at <paramref name="height"/>.</summary>
    public bool IsJailedAt(ulong height) => height < JailedUntil;

    /// <summary>Writes the stats.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU64(Verified);
        writer.WriteU64(Faults);
        writer.WriteU64(Missed);
        writer.WriteU64(AssignedWorkUnits);
        writer.WriteU64(JailedUntil);
        writer.WriteU64(LastHeartbeat);
    }

    /// <summary>Reads stats (check <see cref="CanonicalReader.Ok"/>).</summary>
    public static ProviderStats Read(ref CanonicalReader reader) =>
        new(reader.ReadU64(), reader.ReadU64(), reader.ReadU64(), reader.ReadU64(), reader.ReadU64(), reader.ReadU64());
}
