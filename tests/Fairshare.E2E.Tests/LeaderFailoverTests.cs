using System.Collections.Concurrent;
using System.Diagnostics;
using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Xunit.Abstractions;

namespace Fairshare.E2E.Tests;

/// <summary>kill -9 of the Raft leader under a steady load of signed transfers.</summary>
public sealed class LeaderFailoverTests(ITestOutputHelper output)
{
    private const int Senders = 6;

    [Fact]
    public async Task KillingTheLeaderUnderLoad_LosesNoAcknowledgedTransaction_AndTheRestartedNodeCatchesUp()
    {
        using var net = TestnetProcess.Start("--validators", "3", "--providers", "0", "--senders", Senders.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var validators = net.Validators;
        using var first = TestnetProcess.ClientOf(validators[0]);
        var state = (await first.GetStateAsync()).State;
        var acknowledged = new ConcurrentDictionary<Hash32, ulong>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(1, Senders).Select(i => Task.Run(() => SendAsync(net, i, state.ChainId, state.Params.MinFee, acknowledged, stop.Token))).ToArray();

        await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count >= 60), TimeSpan.FromSeconds(60), "60 acknowledged transfers", net.Logs);
        var statuses = await net.StatusesAsync();
        int leaderIndex = Array.FindIndex(statuses, s => s?.Role == "leader");
        Assert.True(leaderIndex >= 0, "no leader before the kill");
        var leader = validators[leaderIndex];
        long oldTerm = statuses[leaderIndex]!.Term;
        ulong heightAtKill = statuses.Max(s => s!.Height);
        var clock = Stopwatch.StartNew();
        TestnetProcess.Kill(leader);
        var survivors = validators.Where(v => v != leader).ToList();
        await Poll.UntilAsync(async () =>
        {
            foreach (var v in survivors)
            {
                using var c = TestnetProcess.ClientOf(v);
                try
                {
                    var s = await c.GetStatusAsync();
                    if (s.Role == "leader" && s.Term > oldTerm && s.Height > heightAtKill) return true;
                }
                catch (FairshareApiException)
                {
                }
            }

            return false;
        }, TimeSpan.FromSeconds(15), "a new leader committing", net.Logs, everyMs: 20);
        var failover = clock.Elapsed;
        output.WriteLine($"new leader committed {failover.TotalMilliseconds:N0} ms after kill -9 of {leader.Name}");
        int before = acknowledged.Count;
        await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count >= before + 60), TimeSpan.FromSeconds(60), "60 more acknowledged transfers", net.Logs);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // Every acknowledged transfer is in both survivors' chains, at the height it was acknowledged with.
        foreach (var v in survivors)
        {
            using var c = TestnetProcess.ClientOf(v);
            ulong top = acknowledged.Values.Max();
            await Poll.UntilAsync(async () => (await c.GetStatusAsync()).Height >= top, TimeSpan.FromSeconds(30), v.Name + " reaching " + top);
            foreach (var (id, height) in acknowledged)
            {
                var found = await c.GetTransactionAsync(id);
                Assert.True(found is not null && found.Height == height, $"{v.Name} lost acknowledged transaction {id} (height {height})");
            }
        }

        // The killed node restarts on its data directory and catches up to the same chain.
        net.Restart(leader);
        using var survivor = TestnetProcess.ClientOf(survivors[0]);
        ulong target = (await survivor.GetStatusAsync()).Height;
        using var restarted = TestnetProcess.ClientOf(leader);
        var catchUp = await Poll.UntilAsync(async () =>
        {
            try
            {
                return (await restarted.GetStatusAsync()).Height >= target;
            }
            catch (FairshareApiException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), leader.Name + " catching up to " + target, net.Logs);
        var mine = await restarted.GetBlockAsync(target);
        var theirs = await survivor.GetBlockAsync(target);
        Assert.Equal(theirs!.StateRoot, mine!.StateRoot);
        Assert.Equal(theirs.Hash, mine.Hash);
        output.WriteLine($"{acknowledged.Count} acknowledged transfers all kept; {leader.Name} restarted and reached height {target} in {catchUp.TotalSeconds:N1} s with the same state root");
        Assert.True(failover < TimeSpan.FromSeconds(15));
    }

    private static async Task SendAsync(TestnetProcess net, int sender, string chainId, Amount fee, ConcurrentDictionary<Hash32, ulong> acknowledged, CancellationToken stop)
    {
        using var key = KeyPair.ForDevelopment($"fairshare-testnet/sender-{sender}");
        var to = Address.ForModule("e2e-recipient-" + sender);
        var clients = net.Validators.Select(TestnetProcess.ClientOf).ToArray();
        int node = sender % clients.Length;
        try
        {
            for (ulong nonce = 0; !stop.IsCancellationRequested; nonce++)
            {
                var tx = SignedTransaction.Sign(new Transaction(chainId, nonce, fee, new TransferPayload(to, AssetId.Fsh, new Amount(1 + nonce))), key);
                while (true)
                {
                    try
                    {
                        var result = (await clients[node].SubmitAsync([tx], wait: true, CancellationToken.None)).Results[0];
                        if (result.IsCommitted)
                        {
                            acknowledged[tx.Id] = result.Height!.Value;
                            break;
                        }

                        // Pending (the old leader died before committing it): send the same bytes again elsewhere.
                        Assert.True(result.Code == "Pending", $"transfer {nonce} of sender-{sender} refused: {result.Code}");
                    }
                    catch (FairshareApiException)
                    {
                    }

                    node = (node + 1) % clients.Length;
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }
}
