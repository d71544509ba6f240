using System.Collections.Immutable;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Cluster;

/// <summary>What <c>fairshare bench cluster</c> runs.</summary>
/// <param name="Validators">The validator counts to measure, in order (one fresh cluster each).</param>
/// <param name="Transactions">Signed transfers pushed through each cluster.</param>
/// <param name="Senders">Funded sender accounts (each sender's transfers go in nonce order).</param>
/// <param name="Batch">Transactions per request.</param>
/// <param name="Workers">Concurrent workers, each with one batch in flight.</param>
/// <param name="BlockTimeMs">The leader's block interval.</param>
/// <param name="MaxBlockTxs">The most transactions in one block.</param>
/// <param name="Failover">Also kill the leader of a 3-validator cluster under load and measure the recovery.</param>
public sealed record ClusterBenchOptions(
    ImmutableArray<int> Validators,
    int Transactions = 30_000,
    int Senders = 200,
    int Batch = 250,
    int Workers = 16,
    int BlockTimeMs = 50,
    int MaxBlockTxs = 5000,
    bool Failover = false)
{
    /// <summary>Throws a <see cref="CliUsageException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (Validators.IsDefaultOrEmpty || Validators.Any(v => v is < 1 or > 15)) throw new CliUsageException("--validators must list counts between 1 and 15, e.g. 1,3");
        if (Transactions < 1 || Senders < 1 || Batch < 1 || Workers < 1) throw new CliUsageException("--txs, --senders, --batch and --workers must be positive");
        if (Senders > 100_000) throw new CliUsageException("--senders must be at most 100000");
        if (BlockTimeMs is < 10 or > 60_000) throw new CliUsageException("--block-time-ms must be between 10 and 60000");
        if (MaxBlockTxs is < 1 or > 100_000) throw new CliUsageException("--max-block-txs must be between 1 and 100000");
    }
}
