using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

/// <summary>
/// A block the leader made on its state and is replicating: the mempool entries it was made from, and whether it was
/// committed and stored (true) or given up (false: the state was rebuilt from the store).
/// </summary>
internal sealed class Proposal(ProducedBlock produced, IReadOnlyList<MempoolEntry> batch)
{
    public ProducedBlock Produced { get; } = produced;

    public Block Block { get; } = produced.Block!;

    public Hash32 Hash { get; } = produced.Block!.Header.Hash();

    public IReadOnlyList<MempoolEntry> Batch { get; } = batch;

    public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
