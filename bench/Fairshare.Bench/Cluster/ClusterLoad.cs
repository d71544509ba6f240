using System.Collections.Concurrent;
using System.Diagnostics;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Cluster;

/// <summary>
/// Drives a running cluster with pre-signed transactions: each worker owns some senders' transactions (in nonce
/// order) and sends them in batches, one batch in flight per worker, waiting for each batch to be committed. Every
/// worker starts on the first node; one whose node stops answering moves to the next node and sends the batch again
/// (a node answers a transaction it already committed with its outcome, so nothing runs twice). Transactions a node
/// answers <c>Pending</c> (its wait timed out, or a leader lost its place with them queued) are sent again, for up to
/// a minute; then they count as refused with the code <c>Pending</c>.
/// </summary>
public static class ClusterLoad
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);

    /// <summary>Runs every stream to its end and measures.</summary>
    /// <param name="nodes">The nodes to send to: the first one first, the others after it fails.</param>
    /// <param name="streams">One stream per worker, each in the order its transactions must be sent.</param>
    /// <param name="batchSize">Transactions per request.</param>
    /// <param name="onCommitted">Called with each batch's count of committed transactions.</param>
    /// <param name="ct">Stops the load.</param>
    public static async Task<ClusterLoadResult> RunAsync(
        IReadOnlyList<Uri> nodes,
        IReadOnlyList<IReadOnlyList<SignedTransaction>> streams,
        int batchSize,
        Action<int>? onCommitted = null,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var clients = nodes.Select(n => new FairshareClient(n, TimeSpan.FromSeconds(30))).ToArray();
        try
        {
            ulong startHeight = (await clients[0].GetStatusAsync(ct).ConfigureAwait(false)).Height;
            var latencies = new ConcurrentBag<double>();
            var acknowledged = new ConcurrentBag<string>();
            var refusals = new ConcurrentDictionary<string, int>();
            int committed = 0, refused = 0, resent = 0;
            var clock = Stopwatch.StartNew();
            var workers = streams.Select(stream => Task.Run(async () =>
            {
                int node = 0;
                for (int start = 0; start < stream.Count; start += batchSize)
                {
                    var remaining = stream.Skip(start).Take(batchSize).ToList();
                    long sent = Stopwatch.GetTimestamp();
                    var since = Stopwatch.StartNew();
                    int ok = 0;
                    while (remaining.Count > 0)
                    {
                        if (since.Elapsed > RetryFor)
                        {
                            // Still pending after a minute of resending: counted as refused, not as committed.
                            Interlocked.Add(ref refused, remaining.Count);
                            refusals.AddOrUpdate(TxOutcome.Pending, remaining.Count, (_, c) => c + remaining.Count);
                            break;
                        }

                        IReadOnlyList<TxOutcome> outcomes;
                        try
                        {
                            outcomes = (await clients[node].SubmitAsync(remaining, wait: true, ct).ConfigureAwait(false)).Results;
                        }
                        catch (FairshareApiException) when (!ct.IsCancellationRequested && since.Elapsed < RetryFor)
                        {
                            Interlocked.Increment(ref resent);
                            node = (node + 1) % clients.Length;
                            await Task.Delay(50, ct).ConfigureAwait(false);
                            continue;
                        }

                        var pending = new List<SignedTransaction>();
                        for (int i = 0; i < outcomes.Count; i++)
                        {
                            var outcome = outcomes[i];
                            if (outcome.Code == TxOutcome.Pending)
                            {
                                // The wait timed out, or a deposed leader queued it again where no block will take it:
                                // sent again, a follower forwards it to the leader, a leader that holds it waits on it.
                                pending.Add(remaining[i]);
                            }
                            else if (outcome.IsCommitted)
                            {
                                ok++;
                                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                                acknowledged.Add(outcome.TxId);
                            }
                            else
                            {
                                Interlocked.Increment(ref refused);
                                refusals.AddOrUpdate(outcome.Code, 1, (_, c) => c + 1);
                            }
                        }

                        if (pending.Count > 0) Interlocked.Increment(ref resent);
                        remaining = pending;
                    }

                    Interlocked.Add(ref committed, ok);
                    onCommitted?.Invoke(ok);
                }
            }, ct)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            double seconds = clock.Elapsed.TotalSeconds;
            ulong endHeight = await HeightAsync(clients, ct).ConfigureAwait(false);
            var sorted = latencies.OrderBy(x => x).ToArray();
            return new ClusterLoadResult(
                streams.Sum(s => s.Count), committed, refused, seconds,
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), endHeight - startHeight,
                new Dictionary<string, int>(refusals), [.. acknowledged], resent);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>The value at quantile <paramref name="q"/> of sorted values (NaN when empty).</summary>
    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<ulong> HeightAsync(FairshareClient[] clients, CancellationToken ct)
    {
        foreach (var client in clients)
        {
            try
            {
                return (await client.GetStatusAsync(ct).ConfigureAwait(false)).Height;
            }
            catch (FairshareApiException)
            {
            }
        }

        return 0;
    }
}
