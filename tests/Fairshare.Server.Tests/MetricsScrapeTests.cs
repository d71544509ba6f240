using System.Text.RegularExpressions;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>
/// What <c>/metrics</c> shows of a fresh node: the runtime's and the process's series, the consensus gauges as the
/// ledger reports them, and every counter at 0 before anything happened; then the interval between committed blocks.
/// </summary>
[Collection(SoleNodeCollection.Name)]
public sealed class MetricsScrapeTests : IAsyncLifetime
{
    private const long Term = 7;
    private const long IndexLag = 2;
    private static readonly string[] Members = ["http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"];
    private static readonly string[] Counters =
    [
        "fairshare_transactions_submitted_total", "fairshare_transactions_committed_total", "fairshare_transactions_refused_total",
        "fairshare_blocks_committed_total", "fairshare_blobs_evicted_total", "fairshare_blob_evicted_bytes_total", "fairshare_blob_uploads_refused_total",
    ];

    private TestNode _node = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _node.Ledger.Term = Term;
        _node.Ledger.IndexLag = IndexLag;
        _node.Ledger.Members = [.. Members];
        _http = new HttpClient { BaseAddress = _node.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task FirstScrape_OfAFreshNode_HasRuntimeProcessAndConsensusSeries_AndEveryCounterAtZero()
    {
        string text = await _http.GetStringAsync("metrics");

        Assert.Contains("process_memory_usage_bytes", Prometheus.Names(text, "process_"));
        Assert.Contains("process_cpu_time_seconds_total", Prometheus.Names(text, "process_"));
        Assert.NotEmpty(Prometheus.Names(text, "dotnet_gc_"));
        Assert.Equal(Term, Prometheus.Single(text, "fairshare_raft_term"));
        Assert.Equal(1, Prometheus.Single(text, "fairshare_raft_leader"));
        Assert.Equal(Members.Length, Prometheus.Single(text, "fairshare_raft_members"));
        Assert.Equal(IndexLag, Prometheus.Single(text, "fairshare_raft_index_lag"));
        Assert.Equal(0, Prometheus.Single(text, "fairshare_height"));
        Assert.Empty(Prometheus.Samples(text, "fairshare_block_interval_seconds")); // no two blocks yet
        Assert.Equal(0, Prometheus.Single(text, "fairshare_blob_store_bytes"));
        Assert.Equal(10L * 1024 * 1024 * 1024, Prometheus.Single(text, "fairshare_blob_store_quota_bytes")); // the default, 10 GiB
        foreach (var counter in Counters) Assert.Equal(0, Prometheus.Single(text, counter));
        Assert.Matches(new Regex(@"^fairshare_transactions_refused_total(\{[^}]*\})? 0( \d+)?$", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task BlockInterval_IsTheTimeBetweenTheLastTwoCommittedBlocks()
    {
        ulong first = await _node.CommitAsync(_node.Transfer("alice", "bob", 3));
        await Task.Delay(30);
        ulong second = await _node.CommitAsync(_node.Transfer("bob", "alice", 2));
        ulong start = _node.Ledger.ReadBlock(first)!.Header.TimestampMs;
        ulong end = _node.Ledger.ReadBlock(second)!.Header.TimestampMs;

        string text = await _http.GetStringAsync("metrics");

        Assert.Equal(second, first + 1);
        Assert.Equal((end - start) / 1000.0, Prometheus.Single(text, "fairshare_block_interval_seconds"), 9);
        Assert.Equal(second, Prometheus.Single(text, "fairshare_height"));
        Assert.Equal(2, Prometheus.Single(text, "fairshare_transactions_submitted_total"));
        Assert.Equal(2, Prometheus.Single(text, "fairshare_transactions_committed_total"));
        Assert.Equal(2, Prometheus.Single(text, "fairshare_blocks_committed_total"));
        Assert.Equal(0, Prometheus.Single(text, "fairshare_transactions_refused_total"));
    }
}
