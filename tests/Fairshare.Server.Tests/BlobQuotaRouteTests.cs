using System.Net.Http.Headers;
using Fairshare.Client;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Node.Blobs;
using Fairshare.Server.Tests.Support;
using Fairshare.Testing;

namespace Fairshare.Server.Tests;

/// <summary>
/// <c>PUT /v1/blobs</c> under the node's blob quota (docs/storage.md, "Blob quota and eviction"): what does not fit even
/// after evicting every blob no job needs is refused with 507 <c>blob_store_full</c> and leaves the store as it was; to
/// make room the least recently stored unneeded blob goes, never one an open job names nor one uploaded within the
/// grace period; and the periodic pass drops the blobs of a job closed more than the retention ago. Expected figures come
/// from the documented rule, with ages set on the files' last write times.
/// </summary>
[Collection(SoleNodeCollection.Name)]
public sealed class BlobQuotaRouteTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    [Fact]
    public async Task AnUploadOverTheQuota_WithNothingEvictable_Is507BlobStoreFull_AndLeavesTheStoreUnchanged()
    {
        await using var node = await StartAsync(new BlobQuotaOptions { QuotaBytes = 2_000, GracePeriod = Grace, EvictEveryBlocks = 0 });
        var fresh = await node.Client.PutBlobAsync(Bytes(1_500, 1));
        var before = Snapshot(node);

        var declared = await Assert.ThrowsAsync<FairshareApiException>(() => node.Client.PutBlobAsync(Bytes(1_000, 2)));
        using var http = new HttpClient { BaseAddress = node.Url };
        using var request = new HttpRequestMessage(HttpMethod.Put, "v1/blobs") { Content = new StreamContent(new MemoryStream(Bytes(1_000, 3))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TransferEncodingChunked = true;
        var streamed = await Raw.ErrorOf(await http.SendAsync(request), 507);

        Assert.Equal(("blob_store_full", 507), (declared.Code, declared.Status));
        Assert.Contains("holds 1500 of its 2000 bytes", declared.Detail, StringComparison.Ordinal);
        Assert.Contains("an upload of 1000 bytes does not fit", declared.Detail, StringComparison.Ordinal);
        Assert.Contains("another validator", declared.Detail, StringComparison.Ordinal);
        Assert.Equal("blob_store_full", streamed.Code);
        Assert.Contains("sent without a length", streamed.Detail, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(node));
        Assert.Equal([fresh], node.Ledger.Blobs.List().Select(b => b.Address));
        Assert.Equal(1_500, node.Ledger.Blobs.UsedBytes);
    }

    [Fact]
    public async Task AnOldUnneededBlob_IsEvictedToMakeRoom_WhileAnOpenJobsBlobAndAJustUploadedOneAreKept()
    {
        await using var node = await StartAsync(new BlobQuotaOptions { QuotaBytes = 5_000, GracePeriod = Grace, EvictEveryBlocks = 0 });
        var input = Age(node, await node.Client.PutBlobAsync(Bytes(1_000, 1)), TimeSpan.FromHours(5));
        await node.CommitAsync(node.Sign("alice", new MarketSubmitJobPayload(UnmatchableJob(input))));
        var oldest = Age(node, await node.Client.PutBlobAsync(Bytes(1_000, 2)), TimeSpan.FromHours(4));
        var older = Age(node, await node.Client.PutBlobAsync(Bytes(1_000, 3)), TimeSpan.FromHours(3));
        var fresh = await node.Client.PutBlobAsync(Bytes(1_000, 4));

        // 4,000 bytes stored and 1,500 more asked for, of a quota of 5,000: 500 must go. The job's input is older still,
        // but an open job names it; the fresh upload is in its grace period; the oldest unneeded blob is enough.
        var added = await node.Client.PutBlobAsync(Bytes(1_500, 5));

        Assert.Equal(JobState.Open, node.Ledger.Read(state => MarketStore.Job(state, 1))!.State);
        Assert.Equal(new[] { input, older, fresh, added }.Order(), node.Ledger.Blobs.List().Select(b => b.Address).Order());
        Assert.False(node.Ledger.Blobs.Contains(oldest));
        Assert.Equal(4_500, node.Ledger.Blobs.UsedBytes);
        using var http = new HttpClient { BaseAddress = node.Url };
        string metrics = await http.GetStringAsync("metrics");
        Assert.Equal(1, Prometheus.Single(metrics, "fairshare_blobs_evicted_total"));
        Assert.Equal(1_000, Prometheus.Single(metrics, "fairshare_blob_evicted_bytes_total"));
        Assert.Equal(4_500, Prometheus.Single(metrics, "fairshare_blob_store_bytes"));
        Assert.Equal(5_000, Prometheus.Single(metrics, "fairshare_blob_store_quota_bytes"));
    }

    [Fact]
    public async Task ThePeriodicPass_EvictsTheBlobsOfAJobClosedMoreThanTheRetentionAgo_AndKeepsAFreshUpload()
    {
        const ulong retention = 2;
        await using var node = await StartAsync(new BlobQuotaOptions { RetentionBlocks = retention, GracePeriod = Grace, EvictEveryBlocks = 1 });
        var input = Age(node, await node.Client.PutBlobAsync(Bytes(100, 1)), TimeSpan.FromHours(3));
        var fresh = await node.Client.PutBlobAsync(Bytes(100, 2));
        await node.CommitAsync(node.Sign("alice", new MarketSubmitJobPayload(UnmatchableJob(input))));
        ulong closed = await node.CommitAsync(node.Sign("alice", new MarketCancelJobPayload(1)));
        var job = node.Ledger.Read(state => MarketStore.Job(state, 1))!;
        Assert.Equal((JobState.Cancelled, closed), (job.State, job.ClosedHeight));

        // One block after the close the job's input is still needed (1 < 2 blocks): the pass of that block evicts an
        // unneeded blob stored more recently than it (so the pass has decided about the input once that one is gone).
        var unneeded = Age(node, await node.Client.PutBlobAsync(Bytes(100, 3)), TimeSpan.FromHours(2));
        Assert.Equal(closed + 1, await node.CommitAsync(node.Transfer("alice", "bob", 1)));
        await Until(() => !node.Ledger.Blobs.Contains(unneeded));
        Assert.True(node.Ledger.Blobs.Contains(input));

        // Two blocks after: past the retention, the next pass evicts it (a pass still running skips a block: commit more).
        for (int i = 0; i < 50 && node.Ledger.Blobs.Contains(input); i++)
        {
            await node.CommitAsync(node.Transfer("alice", "bob", 1));
            await Until(() => !node.Ledger.Blobs.Contains(input), TimeSpan.FromMilliseconds(200));
        }

        Assert.False(node.Ledger.Blobs.Contains(input));
        Assert.True(node.Ledger.Blobs.Contains(fresh));
    }

    private static Task<TestNode> StartAsync(BlobQuotaOptions blobs) => TestNode.StartAsync(o => o with { Blobs = blobs });

    /// <summary>A job naming <paramref name="input"/> that no provider can take (none offers a terabyte), so it stays open.</summary>
    private static JobSpec UnmatchableJob(Hash32 input) => MarketHarness.Spec(VerificationPolicy.SpotCheck) with { Input = input, MinMemoryMb = 1_000_000 };

    /// <summary>Makes a stored blob's last write time <paramref name="age"/> ago.</summary>
    private static Hash32 Age(TestNode node, Hash32 address, TimeSpan age)
    {
        File.SetLastWriteTimeUtc(node.Ledger.Blobs.PathOf(address), DateTime.UtcNow - age);
        return address;
    }

    /// <summary>Every file under the blob folder (temporary ones included), with its size and last write time.</summary>
    private static string[] Snapshot(TestNode node) =>
        [.. Directory.GetFiles(node.Ledger.Blobs.Root, "*", SearchOption.AllDirectories).Order()
            .Select(path => $"{path} {new FileInfo(path).Length} {File.GetLastWriteTimeUtc(path):O}")];

    private static async Task Until(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
    }

    private static byte[] Bytes(int length, byte seed)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, seed);
        return bytes;
    }
}
