using System.Collections.Concurrent;
using System.Diagnostics;
using Fairshare.Client;
using Fairshare.Core.Ledger.Transactions;

namespace Fairshare.Cli.Bench;

/// <summary>
/// Drives a running cluster with pre-signed transactions: each worker owns some senders' transactions (in nonce
/// order) and sends them in batches, one batch in flight per worker, waiting for each batch to be committed. A worker
/// whose node stops answering moves to the next node and sends the batch again (the node answers a transaction it
/// already committed with its outcome, so nothing runs twice).
/// </summary>
public static class ClusterLoad
{
    /// <summary>Runs every stream to its end and measures.</summary>
    public static async Task<ClusterLoadResult> RunAsync(
        IReadOnlyList<Uri> nodes,
        IReadOnlyList<IReadOnlyList<SignedTransaction>> streams,
        int batchSize,
        Action<int>? onCommitted = null,
        CancellationToken ct = default)
    {
        var clients = nodes.Select(n => new FairshareClient(n, TimeSpan.FromSeconds(30))).ToArray();
        try
        {
            ulong startHeight = (await clients[0].GetStatusAsync(ct).ConfigureAwait(false)).Height;
            var latencies = new ConcurrentBag<double>();
            var refusals = new ConcurrentDictionary<string, int>();
            int committed = 0, refused = 0;
            var clock = Stopwatch.StartNew();
            var workers = streams.Select((stream, w) => Task.Run(async () =>
            {
                int node = w % clients.Length;
                for (int start = 0; start < stream.Count; start += batchSize)
                {
                    var batch = stream.Skip(start).Take(batchSize).ToList();
                    for (int attempt = 0; ; attempt++)
                    {
                        long sent = Stopwatch.GetTimestamp();
                        try
                        {
                            var answer = await clients[node].SubmitAsync(batch, wait: true, ct).ConfigureAwait(false);
                            double ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                            int ok = 0;
                            foreach (var outcome in answer.Results)
                            {
                                if (outcome.IsCommitted)
                                {
                                    ok++;
                                    latencies.Add(ms);
                                }
                                else
                                {
                                    Interlocked.Increment(ref refused);
                                    refusals.AddOrUpdate(outcome.Code, 1, (_, c) => c + 1);
                                }
                            }

                            Interlocked.Add(ref committed, ok);
                            onCommitted?.Invoke(ok);
                            break;
                        }
                        catch (FairshareApiException) when (attempt < 20 && !ct.IsCancellationRequested)
                        {
                            node = (node + 1) % clients.Length;
                            await Task.Delay(100, ct).ConfigureAwait(false);
                        }
                    }
                }
            }, ct)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            double seconds = clock.Elapsed.TotalSeconds;
            ulong endHeight = (await clients[0].GetStatusAsync(ct).ConfigureAwait(false)).Height;
            var sorted = latencies.OrderBy(x => x).ToArray();
            return new ClusterLoadResult(
                streams.Sum(s => s.Count), committed, refused, seconds,
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), endHeight - startHeight,
                new Dictionary<string, int>(refusals));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
