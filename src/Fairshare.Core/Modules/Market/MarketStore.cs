using System.Buffers.Binary;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// Where the compute market keeps its records: parameters, providers by address, jobs by id, the id counter, the list
/// of active jobs (so a block's work never scans closed jobs), and the market-wide counters. Also the read views the
/// provider agent, the CLI and the demo use. Which blobs the market still needs: MarketStore.Blobs.cs.
/// </summary>
public static partial class MarketStore
{
    private const byte ParamsTable = 1;
    private const byte ProviderTable = 2;
    private const byte JobTable = 3;
    private const byte CounterTable = 4;
    private const byte ActiveTable = 5;
    private const byte TotalsTable = 6;
    private const byte EpochWorkTable = 7;
    private const byte EmissionTable = 8;

    /// <summary>The account holding every active job's escrow.</summary>
    public static Address EscrowAccount { get; } = Address.ForModule("market/escrow");

    /// <summary>The account a dispute's slashed stake passes through on its way to the arbiters and the treasury (empty between blocks).</summary>
    public static Address DisputeAccount { get; } = Address.ForModule("market/disputes");

    /// <summary>The market's parameters (the defaults until governance sets them).</summary>
    public static MarketParams Params(LedgerState state) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Market, ParamsTable)) is { } bytes ? MarketParams.Decode(bytes) : MarketParams.Default;

    /// <summary>Sets the market's parameters (governance), journaled.</summary>
    public static void SetParams(LedgerState state, MarketParams parameters) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Market, ParamsTable), parameters.Encode());

    /// <summary>The job by id, or null.</summary>
    public static Job? Job(LedgerState state, ulong jobId) =>
        jobId <= uint.MaxValue && state.ReadRecord(JobKey(jobId)) is { } bytes ? Market.Job.Decode(bytes) : null;

    /// <summary>Every job in id order.</summary>
    public static IEnumerable<Job> Jobs(LedgerState state) =>
        state.Records(ModuleIds.Market, JobTable).Select(r => Market.Job.Decode(r.Value));

    /// <summary>The provider's record, or null when it never registered.</summary>
    public static ProviderRecord? Provider(LedgerState state, Address provider) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Market, ProviderTable, provider)) is { } bytes ? ProviderRecord.Decode(bytes) : null;

    /// <summary>Every provider that ever registered, in address order.</summary>
    public static IEnumerable<ProviderRecord> Providers(LedgerState state) =>
        state.Records(ModuleIds.Market, ProviderTable).Select(r => ProviderRecord.Decode(r.Value));

    /// <summary>The slots a provider must act on (assigned: commit; committed: reveal once open), in job and slot order.</summary>
    public static IEnumerable<(Job Job, byte Slot)> OpenSlotsFor(LedgerState state, Address provider)
    {
        // A list, not an iterator: compiler-built iterators read the managed thread id, which Core may not touch.
        var slots = new List<(Job Job, byte Slot)>();
        foreach (ulong id in ActiveJobIds(state))
        {
            var job = Job(state, id)!;
            if (job.State is not (JobState.Running or JobState.Disputed)) continue;
            for (int i = 0; i < job.Slots.Length; i++)
            {
                if (job.Slots[i].Provider == provider && job.Slots[i].IsPending) slots.Add((job, (byte)i));
            }
        }

        return slots;
    }

    /// <summary>Whether the slot may reveal now (see <see cref="Market.Job.RevealOpen"/>).</summary>
    public static bool RevealOpen(Job job, byte slot) => job.RevealOpen(slot);

    /// <summary>Work units of every slot ever assigned in the market (the denominator of a provider's work share).</summary>
    public static ulong TotalAssignedWorkUnits(LedgerState state) => Totals(state).AssignedWorkUnits;

    /// <summary>Ids of the jobs still open, running or disputed, ascending.</summary>
    public static IReadOnlyList<ulong> ActiveJobIds(LedgerState state)
    {
        if (state.ReadRecord(StateKey.Of(ModuleIds.Market, ActiveTable)) is not { } bytes) return [];
        var reader = new CanonicalReader(bytes);
        int count = reader.ReadLength(bytes.Length);
        var ids = new ulong[count];
        for (int i = 0; i < count; i++) ids[i] = reader.ReadVarUInt();
        reader.ExpectEnd();
        return reader.Ok ? ids : throw new InvalidOperationException($"stored active job list does not decode: {reader.Error}");
    }

    /// <summary>Stores a provider (new or changed).</summary>
    internal static void PutProvider(LedgerState state, ProviderRecord record) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Market, ProviderTable, record.Provider), record.Encode());

    /// <summary>Stores a job; one that closes leaves the active list.</summary>
    internal static void PutJob(LedgerState state, Job job)
    {
        state.WriteRecord(JobKey(job.Id), job.Encode());
        if (!job.IsActive) RemoveActive(state, job.Id);
    }

    /// <summary>Allocates the next job id (from 1) and adds it to the active list.</summary>
    internal static ulong NewJobId(LedgerState state)
    {
        ulong id = state.AllocateId(StateKey.Of(ModuleIds.Market, CounterTable));
        var ids = new List<ulong>(ActiveJobIds(state)) { id };
        WriteActive(state, ids);
        return id;
    }

    /// <summary>The market-wide counters.</summary>
    internal static MarketTotals Totals(LedgerState state)
    {
        if (state.ReadRecord(StateKey.Of(ModuleIds.Market, TotalsTable)) is not { } bytes) return new MarketTotals(0, 0);
        return new MarketTotals(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8)));
    }

    /// <summary>Stores the market-wide counters.</summary>
    internal static void PutTotals(LedgerState state, MarketTotals totals)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, totals.AssignedWorkUnits);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), totals.MatchCursor);
        state.WriteRecord(StateKey.Of(ModuleIds.Market, TotalsTable), bytes);
    }

    /// <summary>
    /// Verified work units per provider in the current emission epoch, in address order (kept only while
    /// <c>market.provider-emission</c> is on; cleared when the epoch pays).
    /// </summary>
    public static IReadOnlyList<(Address Provider, ulong WorkUnits)> EpochWork(LedgerState state)
    {
        var work = new List<(Address, ulong)>();
        foreach (var (key, value) in state.Records(ModuleIds.Market, EpochWorkTable))
            work.Add((Address.Read(key.Bytes[2..]), BinaryPrimitives.ReadUInt64BigEndian(value)));
        return work;
    }

    /// <summary>Provider emission accrued in the current epoch and not yet paid, in FSH base units.</summary>
    public static Amount EmissionAccrued(LedgerState state)
    {
        if (state.ReadRecord(StateKey.Of(ModuleIds.Market, EmissionTable)) is not { } bytes) return Amount.Zero;
        var reader = new CanonicalReader(bytes);
        var accrued = reader.ReadAmount();
        reader.ExpectEnd();
        return reader.Ok ? accrued : throw new InvalidOperationException($"stored emission accrual does not decode: {reader.Error}");
    }

    /// <summary>Adds verified work units to a provider's epoch record.</summary>
    internal static void AddEpochWork(LedgerState state, Address provider, ulong workUnits)
    {
        var key = StateKey.Of(ModuleIds.Market, EpochWorkTable, provider);
        ulong before = state.ReadRecord(key) is { } bytes ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : 0;
        var updated = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(updated, before > ulong.MaxValue - workUnits ? ulong.MaxValue : before + workUnits);
        state.WriteRecord(key, updated);
    }

    /// <summary>Clears the epoch's work records (after it paid).</summary>
    internal static void ClearEpochWork(LedgerState state)
    {
        foreach (var key in state.Records(ModuleIds.Market, EpochWorkTable).Select(r => r.Key).ToList()) state.WriteRecord(key, null);
    }

    /// <summary>Stores the accrued emission (zero deletes the record).</summary>
    internal static void PutEmissionAccrued(LedgerState state, Amount accrued)
    {
        var writer = new CanonicalWriter(40);
        writer.WriteAmount(accrued);
        state.WriteRecord(StateKey.Of(ModuleIds.Market, EmissionTable), accrued.IsZero ? null : writer.ToArray());
    }

    private static StateKey JobKey(ulong jobId) => StateKey.Of(ModuleIds.Market, JobTable, checked((uint)jobId));

    private static void RemoveActive(LedgerState state, ulong jobId)
    {
        var ids = new List<ulong>(ActiveJobIds(state));
        int index = ids.BinarySearch(jobId);
        if (index < 0) return;
        ids.RemoveAt(index);
        WriteActive(state, ids);
    }

    private static void WriteActive(LedgerState state, List<ulong> ids)
    {
        var writer = new CanonicalWriter(8 + ids.Count * 3);
        writer.WriteVarUInt((ulong)ids.Count);
        foreach (ulong id in ids) writer.WriteVarUInt(id);
        state.WriteRecord(StateKey.Of(ModuleIds.Market, ActiveTable), ids.Count == 0 ? null : writer.ToArray());
    }
}
