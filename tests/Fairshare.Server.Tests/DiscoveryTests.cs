using System.Text.Json;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>The API describes itself: the OpenAPI document, the browsable reference, and the Prometheus metrics.</summary>
public sealed class DiscoveryTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _http = new HttpClient { BaseAddress = _node.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryRoute()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal("Fairshare node API", document.RootElement.GetProperty("info").GetProperty("title").GetString());

        foreach (var (path, method) in new[]
        {
            ("/health", "get"), ("/v1/status", "get"), ("/v1/genesis", "get"), ("/v1/transactions", "post"), ("/v1/transactions/{id}", "get"),
            ("/v1/flows", "get"), ("/v1/accounts/{address}", "get"), ("/v1/accounts/{address}/proof", "get"), ("/v1/blocks/{height}", "get"), ("/v1/blocks/{height}/raw", "get"),
            ("/v1/blocks/{height}/receipts", "get"), ("/v1/state", "get"), ("/v1/blobs", "put"), ("/v1/blobs/{address}", "get"),
            ("/v1/market/jobs", "get"), ("/v1/market/jobs/{id}", "get"), ("/v1/market/offers", "get"), ("/v1/amm/pools", "get"),
            ("/v1/lending/markets", "get"), ("/v1/governance/proposals", "get"), ("/v1/staking/pools", "get"), ("/v1/internal/signatures", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method, out _), $"{method} {path} is missing from the OpenAPI document");
        }

        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("SubmitRequest", out _));
    }

    [Fact]
    public async Task Reference_IsASelfContainedHtmlPage()
    {
        var response = await _http.GetAsync("reference");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CountSubmittedAndCommittedTransactions()
    {
        await _node.CommitAsync(_node.Transfer("alice", "bob", 3), _node.Transfer("bob", "alice", 2));

        var text = "";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            text = await _http.GetStringAsync("metrics");
            if (Sample(text, "fairshare_transactions_committed_total") >= 2) break;
            await Task.Delay(50);
        }

        Assert.True(Sample(text, "fairshare_transactions_submitted_total") >= 2, text);
        Assert.True(Sample(text, "fairshare_transactions_committed_total") >= 2, text);
        Assert.True(Sample(text, "fairshare_blocks_committed_total") >= 1, text);
        // Gauges are present; their values are not checked here: OpenTelemetry listens to every meter of the name in the
        // process, and this test process runs several nodes at once (a real node has a process of its own).
        Assert.True(Sample(text, "fairshare_height") >= 0, text);
        Assert.True(Sample(text, "fairshare_mempool_size") >= 0, text);
        // Request durations are ASP.NET Core's own histogram (the Microsoft.AspNetCore.Hosting meter), by route.
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/v1/transactions\"", text, StringComparison.Ordinal);
    }

    /// <summary>The largest value of a metric's samples (any labels), or -1 when there is none.</summary>
    private static double Sample(string text, string name) => Prometheus.Samples(text, name).DefaultIfEmpty(-1).Max();
}
