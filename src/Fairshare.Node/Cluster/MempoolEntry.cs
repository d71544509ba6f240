using Fairshare.Core.Ledger.Transactions;

namespace Fairshare.Node.Cluster;

/// <summary>A transaction waiting in the leader's mempool and the outcome its submitters wait for.</summary>
internal sealed class MempoolEntry(SignedTransaction transaction)
{
    public SignedTransaction Transaction { get; } = transaction;

    public TaskCompletionSource<SubmittedTransaction> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its place in the queue while queued, else null.</summary>
    public LinkedListNode<MempoolEntry>? Node { get; set; }

    /// <summary>How many blocks left it out because its nonce was ahead of its sender's (it may have overtaken its predecessor).</summary>
    public int Deferrals { get; set; }
}
