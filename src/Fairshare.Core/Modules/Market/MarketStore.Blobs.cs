// MarketStore: which blobs (models, inputs, outputs) the market still needs; the rule a node's blob store evicts by.
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

public static partial class MarketStore
{
    /// <summary>
    /// The content addresses of every blob the market needs at <paramref name="height"/>: each blob named
    /// (<see cref="BlobsNamedBy"/>) by a job that is open, running or disputed, or by a job that closed (settled, failed
    /// or cancelled) fewer than <paramref name="retentionBlocks"/> blocks before: <c>height − ClosedHeight &lt;
    /// retentionBlocks</c>, so a job closed at the height itself is kept unless the retention is 0. A node keeps these
    /// blobs and may drop any other (docs/storage.md, "Blob quota and eviction"). Reads every job record: call it off
    /// the request path, or rarely.
    /// </summary>
    public static IReadOnlySet<Hash32> BlobsInUse(LedgerState state, ulong height, ulong retentionBlocks)
    {
        ArgumentNullException.ThrowIfNull(state);
        var inUse = new HashSet<Hash32>();
        foreach (var job in Jobs(state))
        {
            bool closedRecently = height < job.ClosedHeight || height - job.ClosedHeight < retentionBlocks;
            if (!job.IsActive && !closedRecently) continue;
            foreach (var blob in BlobsNamedBy(job)) inUse.Add(blob);
        }

        return inUse;
    }

    /// <summary>
    /// The blobs a job names, each once: its model (none for a kernel), its input, its accepted output (a canary's
    /// provisional one too), every slot's revealed output, and a canary's expected output once revealed. A zero hash
    /// names nothing. A job's input is one tensor blob that carries every item (docs/jobs.md), and no blob format
    /// names other blobs, so nothing else is reachable from a job.
    /// </summary>
    public static IReadOnlyList<Hash32> BlobsNamedBy(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var named = new List<Hash32>(4 + job.Slots.Length);
        Add(named, job.Spec.Model);
        Add(named, job.Spec.Input);
        Add(named, job.AcceptedOutput);
        foreach (var slot in job.Slots) Add(named, slot.OutputHash);
        Add(named, job.ExpectedOutput);
        return named;

        static void Add(List<Hash32> named, Hash32 hash)
        {
            if (!hash.IsZero && !named.Contains(hash)) named.Add(hash);
        }
    }
}
