using System.Diagnostics;
using Fairshare.Testnet;
using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Cli;
using Fairshare.Cli.Commands;

namespace Fairshare.Bench.Cluster;

/// <summary>
/// <c>fairshare bench cluster</c>: for each validator count, a fresh local cluster of <c>fairshare node start</c>
/// processes takes the same pre-signed transfers through its leader (see <see cref="ClusterLoad"/>); beside it, the
/// raw NSec Ed25519 verify rate of those signatures on one thread, measured in the same run. Optionally the leader of
/// a 3-validator cluster is SIGKILLed under load (see <see cref="FailoverResult"/>).
/// </summary>
public static class ClusterBenchmark
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the benchmark; <paramref name="stage"/> gets each stage's name and its progress (0 to 1).</summary>
    public static async Task<ClusterBenchResult> RunAsync(ClusterBenchOptions options, CliLauncher launcher, Action<string, double>? stage = null, CancellationToken ct = default)
    {
        options.Validate();
        stage ??= (_, _) => { };
        stage("signing transfers", 0);
        var (all, streams) = Sign(options);
        stage("raw NSec verify, one thread", 0);
        double rawRate = RawVerifyRate(all);

        var rows = new List<ClusterBenchRow>();
        foreach (int validators in options.Validators)
        {
            string name = $"{validators} validator{(validators == 1 ? "" : "s")}";
            stage($"{name}: starting", 0);
            using var cluster = BenchCluster.Start(validators, options.Senders, options.BlockTimeMs, options.MaxBlockTxs, launcher);
            var started = Stopwatch.StartNew();
            var leader = await cluster.WaitForLeaderAsync(StartTimeout, ct).ConfigureAwait(false);
            double startSeconds = started.Elapsed.TotalSeconds;
            int done = 0;
            var load = await ClusterLoad.RunAsync([BenchCluster.Api(leader), .. cluster.Validators.Where(v => v.Name != leader.Name).Select(BenchCluster.Api)], streams, options.Batch,
                n => stage($"{name}: load", (double)Interlocked.Add(ref done, n) / all.Count), ct).ConfigureAwait(false);
            rows.Add(new ClusterBenchRow(validators, startSeconds, load));
        }

        FailoverResult? failover = null;
        if (options.Failover)
        {
            stage("failover: starting", 0);
            failover = await FailoverAsync(options, launcher, all, streams, stage, ct).ConfigureAwait(false);
        }

        return new ClusterBenchResult(options, rawRate, rows, failover);
    }

    /// <summary>
    /// Signs the transfers: sender i's in nonce order, each sender owned by one worker (sender i by worker i mod W),
    /// a worker's stream taking its senders' transfers round by round.
    /// </summary>
    public static (IReadOnlyList<SignedTransaction> All, IReadOnlyList<IReadOnlyList<SignedTransaction>> Streams) Sign(ClusterBenchOptions options)
    {
        int senders = Math.Min(options.Senders, options.Transactions), workers = Math.Min(options.Workers, senders);
        var perSender = new List<SignedTransaction>[senders];
        int index = 0;
        for (int s = 0; s < senders; s++)
        {
            int count = options.Transactions / senders + (s < options.Transactions % senders ? 1 : 0);
            perSender[s] = new List<SignedTransaction>(count);
            using var key = BenchCluster.SenderKey(s);
            for (int nonce = 0; nonce < count; nonce++, index++)
            {
                var to = Address.ForModule("bench-recipient-" + (index % 1000));
                var body = new Transaction(BenchCluster.ChainId, (ulong)nonce, BenchCluster.Fee, new TransferPayload(to, AssetId.Fsh, new Amount(1 + (ulong)index)));
                perSender[s].Add(SignedTransaction.Sign(body, key));
            }
        }

        var streams = new List<IReadOnlyList<SignedTransaction>>(workers);
        for (int w = 0; w < workers; w++)
        {
            var owned = Enumerable.Range(0, senders).Where(s => s % workers == w).Select(s => perSender[s]).ToList();
            var stream = new List<SignedTransaction>();
            for (int round = 0; owned.Any(o => round < o.Count); round++)
            {
                foreach (var list in owned.Where(o => round < o.Count)) stream.Add(list[round]);
            }

            streams.Add(stream);
        }

        return ([.. perSender.SelectMany(s => s)], streams);
    }

    /// <summary>NSec Ed25519 verifies per second of these transactions' signatures on this thread (messages built outside the timing).</summary>
    public static double RawVerifyRate(IReadOnlyList<SignedTransaction> transactions)
    {
        var messages = transactions.Select(t => t.Body.SigningBytes()).ToArray();
        var clock = Stopwatch.StartNew();
        int verified = 0;
        for (int i = 0; i < transactions.Count; i++)
        {
            if (Ed25519.Verify(transactions[i].Signer, messages[i], transactions[i].Signature)) verified++;
        }

        double seconds = clock.Elapsed.TotalSeconds;
        if (verified != transactions.Count) throw new InvalidOperationException("benchmark signatures do not verify");
        return transactions.Count / seconds;
    }

    private static async Task<FailoverResult> FailoverAsync(
        ClusterBenchOptions options, CliLauncher launcher, IReadOnlyList<SignedTransaction> all,
        IReadOnlyList<IReadOnlyList<SignedTransaction>> streams, Action<string, double> stage, CancellationToken ct)
    {
        using var cluster = BenchCluster.Start(3, options.Senders, options.BlockTimeMs, options.MaxBlockTxs, launcher);
        var leader = await cluster.WaitForLeaderAsync(StartTimeout, ct).ConfigureAwait(false);
        var survivors = cluster.Validators.Where(v => v.Name != leader.Name).ToList();
        using var leaderClient = new FairshareClient(BenchCluster.Api(leader), TimeSpan.FromSeconds(5));
        var survivorClients = survivors.Select(s => new FairshareClient(BenchCluster.Api(s), TimeSpan.FromSeconds(2))).ToList();
        try
        {
            string oldValidator = (await leaderClient.GetStatusAsync(ct).ConfigureAwait(false)).Validator;
            int killAt = Math.Max(1, all.Count / 3), done = 0;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var loadTask = ClusterLoad.RunAsync([BenchCluster.Api(leader), .. survivors.Select(BenchCluster.Api)], streams, options.Batch, n =>
            {
                int now = Interlocked.Add(ref done, n);
                stage("failover: load", (double)now / all.Count);
                if (now >= killAt) reached.TrySetResult();
            }, ct);
            await Task.WhenAny(reached.Task, loadTask).ConfigureAwait(false);
            if (!reached.Task.IsCompleted) throw new UserFacingException("failover_not_reached", "the load ended before the leader could be killed");

            ulong heightAtKill = 0;
            foreach (var client in survivorClients.Prepend(leaderClient))
                heightAtKill = Math.Max(heightAtKill, (await BenchCluster.TryStatusAsync(client, ct).ConfigureAwait(false))?.Height ?? 0);
            int killedAfter = Volatile.Read(ref done);
            cluster.Kill(leader);
            var sinceKill = Stopwatch.StartNew();
            var (newLeaderMs, newLeaderHeight) = await NewLeaderBlockAsync(survivorClients, heightAtKill, oldValidator, sinceKill, ct).ConfigureAwait(false);

            var load = await loadTask.ConfigureAwait(false);
            stage("failover: checking acknowledged transactions", 0);
            var newLeader = await LeaderAmongAsync(survivorClients, ct).ConfigureAwait(false);
            int missing = await MissingAsync(newLeader, load.Acknowledged, ct).ConfigureAwait(false);

            stage("failover: restarted node catching up", 0);
            var head = await newLeader.GetStatusAsync(ct).ConfigureAwait(false);
            cluster.Restart(leader);
            var sinceRestart = Stopwatch.StartNew();
            using var restarted = new FairshareClient(BenchCluster.Api(leader), TimeSpan.FromSeconds(2));
            while (true)
            {
                if (sinceRestart.Elapsed > RecoveryTimeout)
                    throw new UserFacingException("catch_up_timeout", $"the restarted node did not reach height {head.Height} within {RecoveryTimeout.TotalSeconds:N0} s; see {leader.LogPath}");
                if (!cluster.IsRunning(leader)) throw new UserFacingException("validator_exited", $"the restarted node exited; see {leader.LogPath}");
                if (await BenchCluster.TryStatusAsync(restarted, ct).ConfigureAwait(false) is { } status && status.Height >= head.Height) break;
                await Task.Delay(10, ct).ConfigureAwait(false);
            }

            double catchUpMs = sinceRestart.Elapsed.TotalMilliseconds;
            var mine = await restarted.GetBlockAsync(head.Height, ct).ConfigureAwait(false);
            var theirs = await newLeader.GetBlockAsync(head.Height, ct).ConfigureAwait(false);
            bool rootsMatch = mine is not null && theirs is not null && mine.StateRoot == theirs.StateRoot && mine.Hash == theirs.Hash && theirs.StateRoot == head.StateRoot;
            return new FailoverResult(killedAfter, heightAtKill, newLeaderMs, newLeaderHeight, load.Acknowledged.Count, missing, catchUpMs, head.Height, rootsMatch, load);
        }
        finally
        {
            foreach (var client in survivorClients) client.Dispose();
        }
    }

    /// <summary>Polls the survivors until one leads and has committed a block above the kill height that the old leader did not propose.</summary>
    private static async Task<(double Ms, ulong Height)> NewLeaderBlockAsync(
        List<FairshareClient> survivors, ulong heightAtKill, string oldValidator, Stopwatch sinceKill, CancellationToken ct)
    {
        while (sinceKill.Elapsed < RecoveryTimeout)
        {
            foreach (var client in survivors)
            {
                if (await BenchCluster.TryStatusAsync(client, ct).ConfigureAwait(false) is not { Role: "leader" } status || status.Height <= heightAtKill) continue;
                double ms = sinceKill.Elapsed.TotalMilliseconds;
                for (ulong h = heightAtKill + 1; h <= status.Height; h++)
                {
                    if (await client.GetBlockAsync(h, ct).ConfigureAwait(false) is { } block && block.Proposer != oldValidator) return (ms, h);
                }
            }

            await Task.Delay(10, ct).ConfigureAwait(false);
        }

        throw new UserFacingException("no_new_leader", $"no survivor committed a block as leader within {RecoveryTimeout.TotalSeconds:N0} s of the kill");
    }

    private static async Task<FairshareClient> LeaderAmongAsync(List<FairshareClient> clients, CancellationToken ct)
    {
        foreach (var client in clients)
        {
            if (await BenchCluster.TryStatusAsync(client, ct).ConfigureAwait(false) is { Role: "leader" }) return client;
        }

        return clients[0];
    }

    /// <summary>How many of the acknowledged ids are in no block of the node's chain (read block by block).</summary>
    private static async Task<int> MissingAsync(FairshareClient node, IReadOnlyList<string> acknowledged, CancellationToken ct)
    {
        ulong height = (await node.GetStatusAsync(ct).ConfigureAwait(false)).Height;
        var inChain = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var gate = new SemaphoreSlim(8);
        var reads = new List<Task<IReadOnlyList<string>>>();
        for (ulong h = 1; h <= height; h++)
        {
            ulong at = h;
            reads.Add(Task.Run(async () =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    return (await node.GetBlockAsync(at, ct).ConfigureAwait(false))?.Transactions ?? [];
                }
                finally
                {
                    gate.Release();
                }
            }, ct));
        }

        foreach (var ids in await Task.WhenAll(reads).ConfigureAwait(false)) inChain.UnionWith(ids);
        return acknowledged.Count(id => !inChain.Contains(id));
    }
}
