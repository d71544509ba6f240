using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using Xunit.Abstractions;

namespace Fairshare.Agents.Tests.Gateways;

/// <summary>
/// The stall attack on a validator as <c>fairshare node start</c> runs it: one caller keeps sending batches of 30,000
/// transactions with bad signatures (six at a time, each about 9 MB) while another sends single transfers. On the
/// landed node the verifier worked through the batches first and an honest transfer came back after 13.8 s.
/// </summary>
public sealed class StallAttackTests(ITestOutputHelper output)
{
    private const string Attacker = "203.0.113.66";
    private const string Person = "198.51.100.7";

    [Fact]
    public async Task BatchesOfBadSignaturesFromOneCaller_AreCutOffByItsBudget_AndAnotherCallersTransfersStillCommit()
    {
        var chain = TestChain.Create();
        // The node sits behind a proxy on 127.0.0.1 that names each caller, as docs/api.md recommends.
        await using var node = await HttpNode.StartAsync(chain.Genesis, api: o => o with { TrustedProxies = [System.Net.IPNetwork.Parse("127.0.0.0/8")] });
        using var http = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromSeconds(120) };
        var junk = JunkBatch(chain, 30_000);

        var statuses = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var attack = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var request = Post(junk, Attacker);
                using var response = await http.SendAsync(request, CancellationToken.None);
                statuses.Enqueue((int)response.StatusCode);
                if ((int)response.StatusCode == 429) await Task.Delay(100, CancellationToken.None);
            }
        })).ToList();

        await Task.Delay(1_000);
        var latencies = new List<TimeSpan>();
        var codes = new List<string>();
        for (ulong nonce = 0; nonce < 8; nonce++)
        {
            var transfer = chain.Transfer("alice", "bob", 1, nonce);
            var clock = Stopwatch.StartNew();
            using var request = Post(Encode([transfer], wait: true), Person);
            using var response = await http.SendAsync(request);
            latencies.Add(clock.Elapsed);
            Assert.Equal(200, (int)response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<SubmitResponse>(FairshareClient.Json);
            codes.Add(body!.Results.Single().Code);
            await Task.Delay(250);
        }

        await stop.CancelAsync();
        await Task.WhenAll(attack);
        output.WriteLine($"honest transfers: {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:F0} ms"))}; "
            + $"attacker's batches: {statuses.Count(s => s == 200)} verified, {statuses.Count(s => s == 429)} refused");

        // Every transfer committed within the node's wait (none came back Pending), and the attacker was cut off.
        Assert.All(codes, code => Assert.Equal("Ok", code));
        Assert.Contains(429, statuses);
    }

    private static string Encode(IEnumerable<SignedTransaction> transactions, bool wait) =>
        System.Text.Json.JsonSerializer.Serialize(new SubmitRequest([.. transactions.Select(t => Convert.ToBase64String(t.Encoded))], wait), FairshareClient.Json);

    /// <summary>Transfers from every test key with signatures nobody made (no signing: the attacker need not).</summary>
    private static string JunkBatch(TestChain chain, int count)
    {
        var signature = new byte[64];
        var transactions = Enumerable.Range(0, count).Select(i =>
        {
            var key = chain.Key(TestChain.Names[i % TestChain.Names.Count]);
            var body = new Transaction(TestChain.Id, (ulong)(1_000 + i), TestChain.MinFee, new TransferPayload(key.Address, AssetId.Fsh, new Amount(1)));
            signature[0] = (byte)i;
            return new SignedTransaction(body, key.PublicKey, signature);
        });
        return Encode(transactions, wait: false);
    }

    private static HttpRequestMessage Post(string json, string caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/transactions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", caller);
        return request;
    }
}
